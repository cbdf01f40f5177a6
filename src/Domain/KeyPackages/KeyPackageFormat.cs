using System.Buffers.Binary;
using Conclave.Domain.Common;

namespace Conclave.Domain.KeyPackages;

// spec mls/key-packages.md: only the size and the first four bytes are checked; the rest is opaque.
// Checks and messages in the reference's order (CLARIFICATIONS R11, §5.1).
public static class KeyPackageFormat
{
    public const int MaxBytes = 16_384;
    public const int MinBytes = 4;
    private const ushort MlsVersion10 = 1;
    private const ushort MlsKeyPackageWireFormat = 5;

    /// <summary>Throws a 400 naming the first rule <paramref name="data"/> breaks; emptiness is the caller's check.</summary>
    public static void Check(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxBytes) throw Invalid("key_package_data must be 16 KiB or smaller");
        if (data.Length < MinBytes) throw Invalid("key package too short to be a valid MLS message");
        var version = BinaryPrimitives.ReadUInt16BigEndian(data);
        if (version != MlsVersion10) throw Invalid($"unsupported MLS version {version}, expected 1");
        var wireFormat = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        if (wireFormat != MlsKeyPackageWireFormat)
            throw Invalid($"expected MLS wire format mls_key_package (5), got {wireFormat}");
    }

    private static DomainException Invalid(string message) => new(DomainError.BadRequest, message);
}
