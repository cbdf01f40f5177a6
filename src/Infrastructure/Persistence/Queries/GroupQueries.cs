using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

// Text comparison and ordering are SQLite's BINARY (upper case before lower case), ids order by their big-endian
// bytes, and LIKE is ASCII case-insensitive with % and _ wildcards: all as the reference (CLARIFICATIONS §2.8, C37).
internal sealed class GroupQueries(ConclaveDbContext db) : IGroupQueries
{
    // One flat statement (one snapshot): a row per (group, member), ordered by group name and then member id, folded
    // into groups here. A member sub-select per group made this call cost milliseconds for 50 groups. The join starts
    // from the caller's own memberships (the user_id index), not from a scan of every membership.
    public async Task<IReadOnlyList<GroupDto>> GroupsOfAsync(UserId userId, CancellationToken cancellationToken)
    {
        var groups = new List<GroupDto>();
        var members = new List<GroupMemberDto>();
        await foreach (var row in MemberRowsOf(db, userId).WithCancellation(cancellationToken))
        {
            if (groups.Count == 0 || groups[^1].GroupId != row.GroupId)
            {
                members = [];
                groups.Add(new GroupDto(row.GroupId, row.Name, row.GroupAlias, row.MlsGroupId, row.MessageExpirySeconds, row.Visibility, members));
            }
            members.Add(new GroupMemberDto(row.UserId, row.Username, row.UserAlias, row.Role, row.SigningKeyFingerprint));
        }
        return groups;
    }

    private static readonly Func<ConclaveDbContext, UserId, IAsyncEnumerable<MemberRow>> MemberRowsOf =
        EF.CompileAsyncQuery((ConclaveDbContext db, UserId userId) =>
            from g in db.Groups.AsNoTracking()
            from mine in g.Members
            where mine.UserId == userId
            from m in g.Members
            join u in db.Users on m.UserId equals u.Id
            orderby g.Name, u.Id
            select new MemberRow(g.Id, g.Name, g.Alias, g.MlsGroupId, g.MessageExpirySeconds, g.Visibility,
                u.Id, u.Username, u.Alias, m.Role, u.SigningKeyFingerprint));

    private sealed record MemberRow(GroupId GroupId, string Name, string GroupAlias, string MlsGroupId, long MessageExpirySeconds,
        GroupVisibility Visibility, UserId UserId, string Username, string UserAlias, GroupRole Role, string SigningKeyFingerprint);

    public async Task<IReadOnlyList<PublicGroupDto>> PublicGroupsAsync(string pattern, CancellationToken cancellationToken)
    {
        var groups = db.Groups.AsNoTracking().Where(g => g.Visibility == GroupVisibility.Public);
        if (pattern.Length > 0) groups = groups.Where(g => EF.Functions.Like(g.Name, "%" + pattern + "%"));
        return await groups.OrderBy(g => g.Name)
            .Select(g => new PublicGroupDto(g.Id, g.Name, g.Alias, g.Members.Count()))
            .ToListAsync(cancellationToken);
    }

    public Task<long?> MessageExpiryAsync(GroupId groupId, CancellationToken cancellationToken) =>
        MessageExpiryOf(db, groupId, cancellationToken);

    private static readonly Func<ConclaveDbContext, GroupId, CancellationToken, Task<long?>> MessageExpiryOf =
        EF.CompileAsyncQuery((ConclaveDbContext db, GroupId groupId, CancellationToken _) =>
            db.Groups.AsNoTracking()
                .Where(g => g.Id == groupId)
                .Select(g => (long?)g.MessageExpirySeconds)
                .FirstOrDefault());
}
