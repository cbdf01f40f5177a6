using Conclave.Domain.Common;

namespace Conclave.Domain.KeyPackages;

/// <summary>An opaque MLS KeyPackage. Regular ones are handed out once, oldest first; the last-resort one is kept.</summary>
public sealed class KeyPackage
{
    private KeyPackage() { } // EF Core

    public KeyPackage(UserId userId, byte[] data, bool isLastResort, long createdAt)
    {
        UserId = userId;
        Data = data;
        IsLastResort = isLastResort;
        CreatedAt = createdAt;
    }

    /// <summary>Insertion order; breaks ties between packages created in the same second.</summary>
    public long Id { get; private set; }
    public UserId UserId { get; private set; }
    public byte[] Data { get; private set; } = [];
    public bool IsLastResort { get; private set; }
    public long CreatedAt { get; private set; }
}
