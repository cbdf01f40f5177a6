using System.Runtime.CompilerServices;
using Conclave.Application.Common.Events.Realtime;
using Google.Protobuf;

namespace Conclave.Api.Sse;

// An event goes to every open stream of its recipients: its frame is encoded once, on the first stream that writes
// it, and shared by the others for as long as the event is alive.
internal static class SseFrames
{
    private static readonly ConditionalWeakTable<RealtimeEvent, byte[]> Encoded = new();

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>"data: " + the lower-case hex of the ServerEvent + "\n\n" (CLARIFICATIONS §8.2).</summary>
    public static byte[] Of(RealtimeEvent realtimeEvent) => Encoded.GetValue(realtimeEvent, static e => Encode(e.ToMessage().ToByteArray()));

    private static byte[] Encode(byte[] payload)
    {
        var frame = new byte["data: "u8.Length + 2 * payload.Length + 2];
        "data: "u8.CopyTo(frame);
        var hex = frame.AsSpan("data: "u8.Length);
        for (var i = 0; i < payload.Length; i++)
        {
            hex[2 * i] = HexDigits[payload[i] >> 4];
            hex[2 * i + 1] = HexDigits[payload[i] & 0xF];
        }
        "\n\n"u8.CopyTo(hex[(2 * payload.Length)..]);
        return frame;
    }
}
