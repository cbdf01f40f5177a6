using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// An open GET /api/v1/events read as the reference clients read it: the raw body bytes, split into frames at the
/// blank line that ends each one. Frames are kept without their final "\n\n".
/// </summary>
public sealed class SseStream : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly Channel<string> _frames = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _closing = new();
    private Task? _reading;

    private SseStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>True once the server has finished the response (or the connection dropped).</summary>
    public bool Ended => _frames.Reader.Completion.IsCompleted;

    /// <summary>Opens the stream like the reference client; with <paramref name="read"/> false nothing is read until <see cref="StartReading"/>.</summary>
    public static async Task<SseStream> OpenAsync(TestServer server, string token, bool read = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stream = new SseStream(response, await response.Content.ReadAsStreamAsync());
        if (read) stream.StartReading();
        return stream;
    }

    public void StartReading() => _reading ??= Task.Run(ReadAsync);

    /// <summary>The next frame, keep-alives included.</summary>
    public async Task<string> NextFrameAsync(TimeSpan? timeout = null)
    {
        using var patience = new CancellationTokenSource(timeout ?? Patience);
        try
        {
            return await _frames.Reader.ReadAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no frame within {timeout ?? Patience}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("the stream ended");
        }
    }

    /// <summary>The next event frame (keep-alives skipped), checked to be one data line of lower-case hex, decoded.</summary>
    public async Task<ServerEvent> NextEventAsync(TimeSpan? timeout = null)
    {
        var frame = await NextDataFrameAsync(timeout);
        return ServerEvent.Parser.ParseFrom(DecodeData(frame));
    }

    /// <summary>The next frame that is not a keep-alive comment.</summary>
    public async Task<string> NextDataFrameAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var frame = await NextFrameAsync(timeout);
            if (frame != ":") return frame;
        }
    }

    public static byte[] DecodeData(string frame)
    {
        Assert.StartsWith("data: ", frame, StringComparison.Ordinal);
        var hex = frame["data: ".Length..];
        Assert.Matches("^([0-9a-f]{2})+$", hex);
        return Convert.FromHexString(hex);
    }

    /// <summary>Waits for the server to end the stream, skipping keep-alives; fails on any other frame or after <paramref name="within"/>.</summary>
    public async Task<TimeSpan> AssertEndsAsync(TimeSpan within)
    {
        var started = Stopwatch.GetTimestamp();
        using var patience = new CancellationTokenSource(within);
        try
        {
            await foreach (var frame in _frames.Reader.ReadAllAsync(patience.Token))
                Assert.True(frame == ":", $"unexpected frame before the end: {frame}");
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the stream was still open after {within}");
        }
        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _response.Dispose();
        if (_reading is not null) await _reading;
        _closing.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        var carry = "";
        try
        {
            while (true)
            {
                var read = await _body.ReadAsync(buffer, _closing.Token);
                if (read == 0) break;
                var text = carry + Encoding.ASCII.GetString(buffer, 0, read);
                var frames = text.Split("\n\n");
                foreach (var frame in frames[..^1]) _frames.Writer.TryWrite(frame);
                carry = frames[^1];
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // the test closed the stream, or the connection was dropped: both end the stream
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
