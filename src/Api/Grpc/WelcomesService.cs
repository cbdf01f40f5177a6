using Conclave.Api.Auth;
using Conclave.Application.Welcomes.Commands.AcceptWelcome;
using Conclave.Application.Welcomes.Queries.ListPendingWelcomes;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MediatR;

namespace Conclave.Api.Grpc;

public sealed class WelcomesService(IMediator mediator, Caller caller) : Welcomes.WelcomesBase
{
    public override async Task<ListPendingWelcomesResponse> ListPendingWelcomes(Empty request, ServerCallContext context)
    {
        var welcomes = await mediator.Send(new ListPendingWelcomesQuery(caller.UserId), context.CancellationToken);
        return new ListPendingWelcomesResponse
        {
            Welcomes =
            {
                welcomes.Select(w => new PendingWelcome
                {
                    GroupId = w.GroupId.ToByteString(),
                    GroupAlias = w.GroupAlias,
                    WelcomeMessage = ByteString.CopyFrom(w.WelcomeMessage),
                    WelcomeId = w.WelcomeId.ToByteString(),
                }),
            },
        };
    }

    public override async Task<Empty> AcceptWelcome(WelcomePath request, ServerCallContext context)
    {
        var welcomeId = WireIds.WelcomeFromPath(request.WelcomeId);
        await mediator.Send(new AcceptWelcomeCommand(welcomeId, caller.UserId), context.CancellationToken);
        return new Empty();
    }
}
