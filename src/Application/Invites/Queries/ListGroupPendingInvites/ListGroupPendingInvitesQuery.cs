using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Invites.Queries.ListGroupPendingInvites;

public sealed record ListGroupPendingInvitesQuery(GroupId GroupId, UserId Actor) : IQuery<IReadOnlyList<PendingInviteDto>>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Admin;
    public string NotAdminMessage => AdminOnly.ListInvites;
}
