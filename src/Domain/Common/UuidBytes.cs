namespace Conclave.Domain.Common;

/// <summary>The wire form of ids: exactly 16 bytes in RFC 4122 order.</summary>
public static class UuidBytes
{
    public const int Length = 16;

    public static bool TryRead(ReadOnlySpan<byte> bytes, out Guid value)
    {
        if (bytes.Length != Length)
        {
            value = Guid.Empty;
            return false;
        }
        value = new Guid(bytes, bigEndian: true);
        return true;
    }

    public static byte[] Write(Guid value)
    {
        var bytes = new byte[Length];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }
}
