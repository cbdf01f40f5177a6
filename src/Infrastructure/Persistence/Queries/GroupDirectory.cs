using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Plugins.Abstractions.Policies;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

// For plugin policies: the request's own DbContext, so inside a command it reads within the command's transaction.
internal sealed class GroupDirectory(ConclaveDbContext db) : IGroupDirectory
{
    public async Task<GroupFacts?> FindAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var id = new GroupId(groupId);
        var group = await db.Groups.AsNoTracking()
            .Where(g => g.Id == id)
            .Select(g => new
            {
                g.Name,
                g.Visibility,
                Members = g.Members.Count(),
                Admins = g.Members.Where(m => m.Role == GroupRole.Admin).Select(m => m.UserId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null) return null;
        var pending = await db.Invites.AsNoTracking().CountAsync(i => i.GroupId == id, cancellationToken);
        return new GroupFacts(groupId, group.Name, group.Visibility == GroupVisibility.Public, group.Members, pending,
            group.Admins.ConvertAll(admin => admin.Value));
    }
}
