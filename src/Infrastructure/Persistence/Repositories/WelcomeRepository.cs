using Conclave.Domain.Common;
using Conclave.Domain.Welcomes;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class WelcomeRepository(ConclaveDbContext db) : IWelcomeRepository
{
    public Task<Welcome?> GetAsync(WelcomeId id, CancellationToken cancellationToken) =>
        db.Welcomes.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);

    public void Add(Welcome welcome) => db.Welcomes.Add(welcome);

    public void Remove(Welcome welcome) => db.Welcomes.Remove(welcome);
}
