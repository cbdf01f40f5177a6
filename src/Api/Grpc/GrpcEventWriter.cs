using Conclave.Api.Sse;
using Conclave.Application.Common.Events.Realtime;
using Conclave.V1;
using Grpc.Core;

namespace Conclave.Api.Grpc;

// gRPC carries the same ServerEvent messages; HTTP/2 keeps the connection alive. A lag cannot be expressed as a
// ServerEvent, so it ends the call with DATA_LOSS: the client re-subscribes and resynchronises, as after an SSE lag.
internal sealed class GrpcEventWriter(IServerStreamWriter<ServerEvent> stream) : IEventWriter
{
    public TimeSpan? KeepAliveInterval => null;

    public ValueTask WriteEventAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken) =>
        new(stream.WriteAsync(realtimeEvent.ToMessage(), cancellationToken));

    public ValueTask WriteLaggedAsync(long dropped, CancellationToken cancellationToken) =>
        throw new RpcException(new Status(StatusCode.DataLoss, $"lagged: {dropped} events were dropped"));

    public ValueTask WriteKeepAliveAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
