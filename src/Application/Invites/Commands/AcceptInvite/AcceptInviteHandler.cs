using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Messages;
using Conclave.Domain.Welcomes;
using MediatR;

namespace Conclave.Application.Invites.Commands.AcceptInvite;

public sealed class AcceptInviteHandler(
    IInviteRepository invites, IGroupRepository groups, IMessageLogRepository logs, IGroupInfoRepository groupInfos,
    IWelcomeRepository welcomes, TimeProvider clock) : IRequestHandler<AcceptInviteCommand, Unit>
{
    public async Task<Unit> Handle(AcceptInviteCommand command, CancellationToken cancellationToken)
    {
        var invite = await invites.GetAsync(command.InviteId, cancellationToken) ?? throw InviteNotFound();
        invite.RequireInvitee(command.Actor);
        // An invite is deleted with its group, so the group exists while the invite does.
        var group = await groups.GetAsync(invite.GroupId, cancellationToken) ?? throw InviteNotFound();
        var log = logs.Of(group);
        var accepted = invite.Accept(command.Actor, group, log, clock.GetUtcNow().ToUnixTimeSeconds());
        logs.Save(log);
        welcomes.Add(accepted.Welcome);
        await groupInfos.ReplaceAsync(group.Id, accepted.GroupInfo, cancellationToken);
        invites.Remove(invite);
        return Unit.Value;
    }

    internal static DomainException InviteNotFound() => new(DomainError.NotFound, "invite not found");
}
