using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class KeyPackageRepository(ConclaveDbContext db) : IKeyPackageRepository
{
    public Task RemoveAllAsync(UserId userId, CancellationToken cancellationToken) =>
        db.KeyPackages.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
