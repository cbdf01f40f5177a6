using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

// Consumption is select-then-delete: atomic because the command's transaction (BEGIN IMMEDIATE) is open
// before GetAsync reads (CLARIFICATIONS §5.3, §10).
internal sealed class KeyPackageRepository(ConclaveDbContext db) : IKeyPackageRepository
{
    public async Task<KeyPackageStore> GetAsync(UserId userId, CancellationToken cancellationToken)
    {
        var stored = await db.KeyPackages.Where(p => p.UserId == userId).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return KeyPackageStore.Load(userId, stored);
    }

    public void Update(KeyPackageStore store)
    {
        db.KeyPackages.RemoveRange(store.Removed);
        db.KeyPackages.AddRange(store.Added); // in order: their ids record the insertion order
    }

    public Task RemoveAllAsync(UserId userId, CancellationToken cancellationToken) =>
        db.KeyPackages.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
