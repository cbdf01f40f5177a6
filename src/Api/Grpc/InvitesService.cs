using Conclave.Api.Auth;
using Conclave.Application.Invites;
using Conclave.Application.Invites.Commands.AcceptInvite;
using Conclave.Application.Invites.Commands.CancelInvite;
using Conclave.Application.Invites.Commands.DeclineInvite;
using Conclave.Application.Invites.Commands.EscrowInvite;
using Conclave.Application.Invites.Queries.ListGroupPendingInvites;
using Conclave.Application.Invites.Queries.ListPendingInvites;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MediatR;

namespace Conclave.Api.Grpc;

public sealed class InvitesService(IMediator mediator, Caller caller) : Invites.InvitesBase
{
    public override async Task<EscrowInviteResponse> EscrowInvite(EscrowInviteCall request, ServerCallContext context)
    {
        var body = request.Body ?? new EscrowInviteRequest();
        await mediator.Send(new EscrowInviteCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, body.InviteeId.ToByteArray(),
            body.CommitMessage.ToByteArray(), body.WelcomeMessage.ToByteArray(), body.GroupInfo.ToByteArray()), context.CancellationToken);
        return new EscrowInviteResponse();
    }

    public override async Task<ListPendingInvitesResponse> ListPendingInvites(Empty request, ServerCallContext context) =>
        new() { Invites = { ToMessages(await mediator.Send(new ListPendingInvitesQuery(caller.UserId), context.CancellationToken)) } };

    public override async Task<ListGroupPendingInvitesResponse> ListGroupPendingInvites(GroupPath request, ServerCallContext context) =>
        new() { Invites = { ToMessages(await mediator.Send(new ListGroupPendingInvitesQuery(WireIds.GroupFromPath(request.GroupId), caller.UserId), context.CancellationToken)) } };

    public override async Task<AcceptInviteResponse> AcceptInvite(InvitePath request, ServerCallContext context)
    {
        await mediator.Send(new AcceptInviteCommand(WireIds.InviteFromPath(request.InviteId), caller.UserId), context.CancellationToken);
        return new AcceptInviteResponse();
    }

    public override async Task<DeclineInviteResponse> DeclineInvite(InvitePath request, ServerCallContext context)
    {
        await mediator.Send(new DeclineInviteCommand(WireIds.InviteFromPath(request.InviteId), caller.UserId), context.CancellationToken);
        return new DeclineInviteResponse();
    }

    public override async Task<CancelInviteResponse> CancelInvite(CancelInviteCall request, ServerCallContext context)
    {
        var inviteeId = (request.Body ?? new CancelInviteRequest()).InviteeId.ToByteArray();
        await mediator.Send(new CancelInviteCommand(WireIds.GroupFromPath(request.GroupId), caller.UserId, inviteeId), context.CancellationToken);
        return new CancelInviteResponse();
    }

    private static IEnumerable<PendingInvite> ToMessages(IEnumerable<PendingInviteDto> invites) => invites.Select(i => new PendingInvite
    {
        InviteId = i.InviteId.ToByteString(),
        GroupId = i.GroupId.ToByteString(),
        GroupName = i.GroupName,
        GroupAlias = i.GroupAlias,
        InviterUsername = i.InviterUsername,
        CreatedAt = (ulong)i.CreatedAt,
        InviteeId = i.InviteeId.ToByteString(),
        InviterId = i.InviterId.ToByteString(),
    });
}
