using Conclave.Application.Common.Observability;

namespace Conclave.Api.Hosting;

/// <summary>One open event stream; dispose it when the response is finished.</summary>
public sealed class OpenEventStream : IDisposable
{
    private readonly CancellationTokenSource _ended;
    private readonly ConclaveMetrics _metrics;
    private bool _disposed;

    internal OpenEventStream(CancellationTokenSource ended, ConclaveMetrics metrics)
    {
        _ended = ended;
        _metrics = metrics;
        metrics.EventStreamOpened();
    }

    /// <summary>Fires when the client has gone or the server is stopping.</summary>
    public CancellationToken Ended => _ended.Token;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _metrics.EventStreamClosed();
        _ended.Dispose();
    }
}
