using System.Diagnostics.Metrics;
using Conclave.Api.Hosting;
using Conclave.Application.Common.Observability;
using Microsoft.Extensions.Hosting;

namespace Conclave.Api.UnitTests.Hosting;

// An open event stream is counted while open and told to finish when the client leaves or the server stops (SIGTERM).
public sealed class OpenEventStreamsTests : IDisposable
{
    private readonly ConclaveMetrics _metrics = new();
    private readonly Lifetime _lifetime = new();
    private readonly MeterListener _listener = new();
    private long _open;

    public OpenEventStreamsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _metrics.Meter) && instrument.Name == "conclave.event_streams.open") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _open, value));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
        _lifetime.Dispose();
    }

    [Fact]
    public void A_stream_is_counted_until_disposed_once()
    {
        var streams = new OpenEventStreams(_lifetime, _metrics);

        var first = streams.Open(CancellationToken.None);
        using var second = streams.Open(CancellationToken.None);
        Assert.Equal(2, Interlocked.Read(ref _open));

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, Interlocked.Read(ref _open));
    }

    [Fact]
    public void The_server_stopping_ends_every_open_stream()
    {
        var streams = new OpenEventStreams(_lifetime, _metrics);
        using var stream = streams.Open(CancellationToken.None);
        Assert.False(stream.Ended.IsCancellationRequested);

        _lifetime.StopApplication();

        Assert.True(stream.Ended.IsCancellationRequested);
    }

    [Fact]
    public void The_client_leaving_ends_its_stream_only()
    {
        var streams = new OpenEventStreams(_lifetime, _metrics);
        using var aborted = new CancellationTokenSource();
        using var leaving = streams.Open(aborted.Token);
        using var staying = streams.Open(CancellationToken.None);

        aborted.Cancel();

        Assert.True(leaving.Ended.IsCancellationRequested);
        Assert.False(staying.Ended.IsCancellationRequested);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => _stopping.Cancel();
        public void Dispose() => _stopping.Dispose();
    }
}
