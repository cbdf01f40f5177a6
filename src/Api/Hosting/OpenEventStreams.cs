using Conclave.Application.Common.Observability;

namespace Conclave.Api.Hosting;

/// <summary>
/// Where an event stream (SSE or gRPC Subscribe) registers for its lifetime: it is counted in
/// conclave.event_streams.open, and its <see cref="OpenEventStream.Ended"/> fires when the client leaves or the
/// server begins to stop (SIGTERM), so the stream finishes its response and shutdown does not wait for it.
/// </summary>
public sealed class OpenEventStreams(IHostApplicationLifetime lifetime, ConclaveMetrics metrics)
{
    public OpenEventStream Open(CancellationToken requestAborted) =>
        new(CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping), metrics);
}
