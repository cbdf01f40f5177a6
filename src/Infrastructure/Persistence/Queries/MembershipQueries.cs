using Conclave.Application.Common.Security;
using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class MembershipQueries(ConclaveDbContext db) : IMembershipQueries, IGroupAccess
{
    public Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId, CancellationToken cancellationToken) =>
        db.Groups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .SelectMany(g => g.Members)
            .Where(m => m.UserId == userId)
            .Select(m => (GroupRole?)m.Role)
            .FirstOrDefaultAsync(cancellationToken);

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
