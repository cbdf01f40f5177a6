using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Invites.Commands.AcceptInvite;

/// <summary>One transaction: member added, Welcome stored, commit stored as the next message, GroupInfo replaced, invite gone.</summary>
public sealed record AcceptInviteCommand(InviteId InviteId, UserId Actor) : IRequest<Unit>;
