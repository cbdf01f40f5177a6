using Conclave.Application.Administration;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class AdministrationQueries(ConclaveDbContext db) : IAdministrationQueries
{
    public async Task<IReadOnlyList<UserSummaryDto>> UsersAsync(long now, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .OrderBy(u => u.Username)
            .Select(u => new UserSummaryDto(u.Id, u.Username, u.Alias, u.CreatedAt,
                db.Groups.Count(g => g.Members.Any(m => m.UserId == u.Id)),
                db.Sessions.Count(s => s.UserId == u.Id && s.ExpiresAt > now)))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<GroupSummaryDto>> GroupsAsync(CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking()
            .OrderBy(g => g.Name)
            .Select(g => new GroupSummaryDto(g.Id, g.Name, g.Alias, g.Visibility,
                g.Members.Count(),
                g.Members.Count(m => m.Role == GroupRole.Admin),
                db.Messages.LongCount(m => m.GroupId == g.Id),
                g.CreatedAt))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<(long CreatedAt, long ExpiresAt)>?> SessionTimesAsync(string username, long now, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Username == username).Select(u => (UserId?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (user is not { } id) return null;
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == id && s.ExpiresAt > now)
            .OrderBy(s => s.ExpiresAt)
            .Select(s => new { s.CreatedAt, s.ExpiresAt })
            .ToListAsync(cancellationToken);
        return sessions.Select(s => (s.CreatedAt, s.ExpiresAt)).ToList();
    }

    public async Task<ServerStatsDto> StatsAsync(long now, CancellationToken cancellationToken) => new(
        await db.Users.LongCountAsync(cancellationToken),
        await db.Sessions.LongCountAsync(s => s.ExpiresAt > now, cancellationToken),
        await db.Groups.LongCountAsync(cancellationToken),
        await db.Groups.LongCountAsync(g => g.Visibility == GroupVisibility.Public, cancellationToken),
        await db.Groups.SelectMany(g => g.Members).LongCountAsync(cancellationToken),
        await db.Messages.LongCountAsync(cancellationToken),
        await db.Invites.LongCountAsync(cancellationToken),
        await db.Welcomes.LongCountAsync(cancellationToken),
        await db.KeyPackages.LongCountAsync(cancellationToken));
}
