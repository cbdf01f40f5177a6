using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Members.Queries.ListBannedUsers;

public sealed record ListBannedUsersQuery(GroupId GroupId, UserId Actor) : IQuery<IReadOnlyList<BannedUserDto>>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Admin;
    public string NotAdminMessage => AdminOnly.ViewBans;
}
