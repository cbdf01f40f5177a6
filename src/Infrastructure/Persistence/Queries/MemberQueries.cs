using Conclave.Application.Groups;
using Conclave.Application.Members;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class MemberQueries(ConclaveDbContext db) : IMemberQueries
{
    public async Task<IReadOnlyList<GroupMemberDto>> AdminsAsync(GroupId groupId, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .SelectMany(g => g.Members)
            .Where(m => m.Role == GroupRole.Admin)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.Role, User = u })
            .OrderBy(x => x.User.Id)
            .Select(x => new GroupMemberDto(x.User.Id, x.User.Username, x.User.Alias, x.Role, x.User.SigningKeyFingerprint))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<BannedUserDto>> BannedAsync(GroupId groupId, CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking()
            .Where(g => g.Id == groupId)
            .SelectMany(g => g.Bans)
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { Ban = b, User = u })
            .OrderBy(x => x.Ban.BannedAt)
            .Select(x => new BannedUserDto(x.User.Id, x.User.Username, x.User.Alias, x.Ban.BannedAt, x.Ban.BannedBy))
            .ToListAsync(cancellationToken);
}
