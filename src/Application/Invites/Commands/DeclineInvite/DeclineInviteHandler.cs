using Conclave.Application.Invites.Commands.AcceptInvite;
using Conclave.Domain.Invites;
using MediatR;

namespace Conclave.Application.Invites.Commands.DeclineInvite;

public sealed class DeclineInviteHandler(IInviteRepository invites) : IRequestHandler<DeclineInviteCommand, Unit>
{
    public async Task<Unit> Handle(DeclineInviteCommand command, CancellationToken cancellationToken)
    {
        var invite = await invites.GetAsync(command.InviteId, cancellationToken) ?? throw AcceptInviteHandler.InviteNotFound();
        invite.Decline(command.Actor);
        invites.Remove(invite);
        return Unit.Value;
    }
}
