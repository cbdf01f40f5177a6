using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Schema;

/// <summary>Whether the database answers and holds every migration of this build (GET /readyz).</summary>
public sealed class DatabaseReadiness(string databasePath)
{
    /// <summary>Null when ready, else what is wrong, in words fit for an operator (not for clients).</summary>
    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await MigrationHistory.AllAppliedAsync(databasePath, cancellationToken) ? null : "database migrations not applied";
        }
        catch (SqliteException)
        {
            return "database unreachable";
        }
    }
}
