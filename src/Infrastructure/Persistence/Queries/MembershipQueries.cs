using Conclave.Application.Common.Security;
using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Infrastructure.Persistence.Lookups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class MembershipQueries(ConclaveDbContext db, AccessLookups lookups) : IMembershipQueries, IGroupAccess
{
    // Every group-scoped request runs it (GroupAccessBehaviour): a prepared statement, not an EF query.
    public Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId, CancellationToken cancellationToken) =>
        Task.FromResult(lookups.RoleOf(groupId, userId));

    public async Task<IReadOnlyList<GroupMembers>> GroupsOfAsync(UserId userId, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.Members.Any(m => m.UserId == userId))
            .OrderBy(g => g.Name)
            .Select(g => new { g.Id, Members = g.Members.Select(m => m.UserId).ToList() })
            .ToListAsync(cancellationToken);
        return groups.ConvertAll(g => new GroupMembers(g.Id, g.Members));
    }
}
