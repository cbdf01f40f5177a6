using Conclave.Domain.Common;
using Conclave.Domain.Registration;
using MediatR;

namespace Conclave.Application.Administration.Commands.RevokeInvitation;

public sealed class RevokeInvitationHandler(IRegistrationInvitationRepository invitations, TimeProvider clock)
    : IRequestHandler<RevokeInvitationCommand, Unit>
{
    public async Task<Unit> Handle(RevokeInvitationCommand command, CancellationToken cancellationToken)
    {
        var invitation = await invitations.GetAsync(command.Id, cancellationToken)
                         ?? throw new DomainException(DomainError.NotFound, "invitation not found");
        invitation.Revoke(clock.GetUtcNow().ToUnixTimeSeconds());
        return Unit.Value;
    }
}
