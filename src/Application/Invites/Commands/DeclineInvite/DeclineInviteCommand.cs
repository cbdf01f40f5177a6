using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Invites.Commands.DeclineInvite;

public sealed record DeclineInviteCommand(InviteId InviteId, UserId Actor) : IRequest<Unit>;
