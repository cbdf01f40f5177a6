using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class MembershipQueries(ConclaveDbContext db) : IMembershipQueries
{
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
