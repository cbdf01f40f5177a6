using Conclave.Domain.Common;

namespace Conclave.Domain.KeyPackages;

/// <summary>The packages of one upload request, every one of them valid (CLARIFICATIONS §5.1).</summary>
public sealed class KeyPackageUpload
{
    private KeyPackageUpload(IReadOnlyList<KeyPackageEntry> entries) => Entries = entries;

    public IReadOnlyList<KeyPackageEntry> Entries { get; }

    /// <summary>
    /// Batch mode when <paramref name="entries"/> is non-empty (the legacy field is then ignored), else the legacy
    /// single regular package, else 400. The first invalid package, in request order, refuses the whole upload
    /// (decision 12: a batch with one bad package stores none).
    /// </summary>
    public static KeyPackageUpload From(IReadOnlyList<KeyPackageEntry> entries, byte[] legacyData)
    {
        if (entries.Count == 0)
        {
            if (legacyData.Length == 0) throw new DomainException(DomainError.BadRequest, "key_package_data is required");
            KeyPackageFormat.Check(legacyData);
            return new KeyPackageUpload([new KeyPackageEntry(legacyData, IsLastResort: false)]);
        }
        foreach (var entry in entries)
        {
            if (entry.Data.Length == 0) throw new DomainException(DomainError.BadRequest, "key package data is required");
            KeyPackageFormat.Check(entry.Data);
        }
        return new KeyPackageUpload(entries);
    }
}
