using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Invites.Commands.EscrowInvite;

// Not IGroupScoped: the reference checks the body's fields before the admin check (CLARIFICATIONS R31).
public sealed record EscrowInviteCommand(GroupId GroupId, UserId Actor, byte[] InviteeId, byte[] CommitMessage, byte[] WelcomeMessage, byte[] GroupInfo)
    : IRequest<Unit>;
