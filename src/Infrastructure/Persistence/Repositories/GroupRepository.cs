using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class GroupRepository(ConclaveDbContext db) : IGroupRepository
{
    // Members, bans and pending joins are three owned collections: one query each, not their cross product.
    public Task<Group?> GetAsync(GroupId id, CancellationToken cancellationToken) =>
        db.Groups.AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);

    public Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken) =>
        db.Groups.AnyAsync(g => g.Name == name, cancellationToken);

    public void Add(Group group) => db.Groups.Add(group);

    public Task DeleteAsync(Group group, CancellationToken cancellationToken)
    {
        db.Groups.Remove(group);
        return Task.CompletedTask;
    }
}
