using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

// Text comparison and ordering are SQLite's BINARY (upper case before lower case), ids order by their big-endian
// bytes, and LIKE is ASCII case-insensitive with % and _ wildcards: all as the reference (CLARIFICATIONS §2.8, C37).
internal sealed class GroupQueries(ConclaveDbContext db) : IGroupQueries
{
    public async Task<IReadOnlyList<GroupDto>> GroupsOfAsync(UserId userId, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking()
            .Where(g => g.Members.Any(m => m.UserId == userId))
            .OrderBy(g => g.Name)
            .Select(g => new GroupDto(g.Id, g.Name, g.Alias, g.MlsGroupId, g.MessageExpirySeconds, g.Visibility,
                g.Members
                    .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, User = u })
                    .OrderBy(x => x.User.Id)
                    .Select(x => new GroupMemberDto(x.User.Id, x.User.Username, x.User.Alias, x.Role, x.User.SigningKeyFingerprint))
                    .ToList()))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PublicGroupDto>> PublicGroupsAsync(string pattern, CancellationToken cancellationToken)
    {
        var groups = db.Groups.AsNoTracking().Where(g => g.Visibility == GroupVisibility.Public);
        if (pattern.Length > 0) groups = groups.Where(g => EF.Functions.Like(g.Name, "%" + pattern + "%"));
        return await groups.OrderBy(g => g.Name)
            .Select(g => new PublicGroupDto(g.Id, g.Name, g.Alias, g.Members.Count()))
            .ToListAsync(cancellationToken);
    }

    public Task<long?> MessageExpiryAsync(GroupId groupId, CancellationToken cancellationToken) =>
        db.Groups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .Select(g => (long?)g.MessageExpirySeconds)
            .FirstOrDefaultAsync(cancellationToken);
}
