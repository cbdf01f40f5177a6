using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Conclave.Api.Grpc;

internal static class ReceivedBytes
{
    /// <summary>
    /// The bytes of a field of a request just decoded, without copying them: decoding gives each bytes field an array
    /// of its own, and the request is not used again once its command is built. Anything else is copied.
    /// </summary>
    public static byte[] Take(ByteString bytes) =>
        MemoryMarshal.TryGetArray(bytes.Memory, out var segment) && segment is { Array: { } array, Offset: 0 } && segment.Count == array.Length
            ? array
            : bytes.ToByteArray();
}
