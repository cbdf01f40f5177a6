using System.Globalization;
using System.IO.Pipelines;
using Conclave.Application.Common.Events.Realtime;

namespace Conclave.Api.Sse;

// The exact frames of CLARIFICATIONS §8.2: "data: <lower-case hex ServerEvent>\n\n", "event: lagged\ndata: <n>\n\n"
// and the ":\n\n" keep-alive; no event name, id or retry on data frames.
internal sealed class SseEventWriter(HttpContext http, TimeSpan keepAliveInterval) : IEventWriter
{
    private const int FlushThreshold = 32 * 1024;
    private static readonly byte[] KeepAlive = ":\n\n"u8.ToArray();
    private readonly PipeWriter _output = http.Response.BodyWriter;
    private int _unflushed;

    public TimeSpan? KeepAliveInterval => keepAliveInterval;

    public ValueTask WriteEventAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken) =>
        WriteAsync(SseFrames.Of(realtimeEvent), cancellationToken);

    public ValueTask WriteLaggedAsync(long dropped, CancellationToken cancellationToken) =>
        WriteAsync(System.Text.Encoding.ASCII.GetBytes($"event: lagged\ndata: {dropped.ToString(CultureInfo.InvariantCulture)}\n\n"), cancellationToken);

    public ValueTask WriteKeepAliveAsync(CancellationToken cancellationToken) => WriteAsync(KeepAlive, cancellationToken);

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _unflushed = 0;
        try
        {
            await _output.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            http.Abort(); // the stream ends while the client is not reading: drop what it would not take
            throw;
        }
    }

    private ValueTask WriteAsync(ReadOnlySpan<byte> frame, CancellationToken cancellationToken)
    {
        frame.CopyTo(_output.GetSpan(frame.Length));
        return AdvanceAsync(frame.Length, cancellationToken);
    }

    // A burst of queued events is written as one flush, but never more than a few pages at a time.
    private ValueTask AdvanceAsync(int length, CancellationToken cancellationToken)
    {
        _output.Advance(length);
        _unflushed += length;
        return _unflushed >= FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }
}
