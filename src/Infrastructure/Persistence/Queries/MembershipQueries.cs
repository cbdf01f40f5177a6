using Conclave.Application.Common.Security;
using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class MembershipQueries(ConclaveDbContext db) : IMembershipQueries, IGroupAccess
{
    public Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId, CancellationToken cancellationToken) =>
        RoleOf(db, groupId, userId, cancellationToken);

    // Compiled: every group-scoped request runs it (GroupAccessBehaviour).
    private static readonly Func<ConclaveDbContext, GroupId, UserId, CancellationToken, Task<GroupRole?>> RoleOf =
        EF.CompileAsyncQuery((ConclaveDbContext db, GroupId groupId, UserId userId, CancellationToken _) =>
            db.Groups.AsNoTracking()
                .Where(g => g.Id == groupId)
                .SelectMany(g => g.Members)
                .Where(m => m.UserId == userId)
                .Select(m => (GroupRole?)m.Role)
                .FirstOrDefault());

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
