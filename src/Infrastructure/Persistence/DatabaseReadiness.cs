using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence;

/// <summary>Whether the database answers and holds every migration of this build (GET /readyz).</summary>
public sealed class DatabaseReadiness(ConclaveDbContext db)
{
    /// <summary>Null when ready, else what is wrong, in words fit for an operator (not for clients).</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
            return pending.Any() ? "database migrations not applied" : null;
        }
        catch (SqliteException)
        {
            return "database unreachable";
        }
    }
}
