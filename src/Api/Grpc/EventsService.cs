using Conclave.Api.Auth;
using Conclave.Api.Hosting;
using Conclave.Api.Sse;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Conclave.Api.Grpc;

public sealed class EventsService(EventPump pump, Caller caller, OpenEventStreams openStreams) : Events.EventsBase
{
    public override async Task Subscribe(Empty request, IServerStreamWriter<ServerEvent> responseStream, ServerCallContext context)
    {
        using var subscription = await pump.SubscribeAsync(caller.Session, context.CancellationToken);
        await context.WriteResponseHeadersAsync([]); // the client knows the subscription is live
        using var open = openStreams.Open(context.CancellationToken);
        await pump.RunAsync(subscription, caller.Session, new GrpcEventWriter(responseStream), open.Ended);
    }
}
