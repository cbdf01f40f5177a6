using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Infrastructure.Persistence.Lookups;

/// <summary>Every group-scoped request asks it (GroupAccessBehaviour): one prepared statement, no EF context.</summary>
internal sealed class GroupAccess(AccessLookups lookups) : IGroupAccess
{
    public Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId, CancellationToken cancellationToken) =>
        Task.FromResult(lookups.RoleOf(groupId, userId));
}
