using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Invites.Commands.CancelInvite;

// Admin check before the invitee id is looked at (CLARIFICATIONS R34): an empty id is "invalid invitee_id" here.
public sealed record CancelInviteCommand(GroupId GroupId, UserId Actor, byte[] InviteeId) : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Admin;
    public string NotAdminMessage => AdminOnly.CancelInvite;
}
