using Conclave.Application.Common.Validation;
using Conclave.Domain.Common;
using Conclave.Domain.Invites;
using MediatR;

namespace Conclave.Application.Invites.Commands.CancelInvite;

public sealed class CancelInviteHandler(IInviteRepository invites) : IRequestHandler<CancelInviteCommand, Unit>
{
    public async Task<Unit> Handle(CancelInviteCommand command, CancellationToken cancellationToken)
    {
        var invite = await invites.FindPendingAsync(command.GroupId, command.InviteeId.ToUserId(), cancellationToken)
            ?? throw new DomainException(DomainError.NotFound, "pending invite not found");
        invite.Cancel(command.Actor);
        invites.Remove(invite);
        return Unit.Value;
    }
}
