using Conclave.Application.Common.Validation;
using Conclave.Application.Users;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Invites.Commands.EscrowInvite;

public sealed class EscrowInviteHandler(IGroupRepository groups, IUserRepository users, IInviteRepository invites, TimeProvider clock)
    : IRequestHandler<EscrowInviteCommand, Unit>
{
    public async Task<Unit> Handle(EscrowInviteCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(command.GroupId, cancellationToken) ?? throw DomainException.NotAdmin(AdminOnly.Invite);
        group.RequireInviter(command.Actor);
        var invitee = command.InviteeId.ToUserId();
        await users.RequireAsync(invitee, cancellationToken);
        var alreadyInvited = await invites.PendingExistsAsync(group.Id, invitee, cancellationToken);
        invites.Add(Invite.Escrow(group, command.Actor, invitee, alreadyInvited,
            command.CommitMessage, command.WelcomeMessage, command.GroupInfo, clock.GetUtcNow().ToUnixTimeSeconds()));
        return Unit.Value;
    }
}
