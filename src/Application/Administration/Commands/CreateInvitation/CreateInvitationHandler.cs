using Conclave.Application.Common.Security;
using Conclave.Domain.Registration;
using MediatR;

namespace Conclave.Application.Administration.Commands.CreateInvitation;

// The token is made as a session token is: 32 CSPRNG bytes as hex (within the spec's token alphabet), SHA-256 kept.
public sealed class CreateInvitationHandler(IRegistrationInvitationRepository invitations, ISessionTokens tokens, TimeProvider clock)
    : IRequestHandler<CreateInvitationCommand, NewInvitationDto>
{
    public Task<NewInvitationDto> Handle(CreateInvitationCommand command, CancellationToken cancellationToken)
    {
        var token = tokens.NewToken();
        var invitation = RegistrationInvitation.Create(tokens.Hash(token), command.Uses, command.LifetimeSeconds, command.Note,
            clock.GetUtcNow().ToUnixTimeSeconds());
        invitations.Add(invitation);
        return Task.FromResult(new NewInvitationDto(invitation.Id, token, invitation.ExpiresAt));
    }
}
