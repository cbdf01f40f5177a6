using Conclave.Application.Welcomes;
using Conclave.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class WelcomeQueries(ConclaveDbContext db) : IWelcomeQueries
{
    public async Task<IReadOnlyList<PendingWelcomeDto>> ForUserAsync(UserId userId, CancellationToken cancellationToken) =>
        await db.Welcomes.AsNoTracking()
            .Where(w => w.UserId == userId)
            .OrderBy(w => w.CreatedAt)
            .Select(w => new PendingWelcomeDto(w.Id, w.GroupId, w.GroupAlias, w.Message))
            .ToListAsync(cancellationToken);
}
