using System.Reflection;
using Conclave.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conclave.Infrastructure.Sqlite.Schema;

/// <summary>
/// Whether a database file holds every migration of this build, read with one query on a connection of its own.
/// EF Core's answer (GetPendingMigrations, or Migrate with nothing to apply) starts the context's services and builds
/// a model of its history table from the conventions: code and type data that stay in memory as long as the server
/// runs, only to find nothing to do at every start on an existing database.
/// </summary>
internal static class MigrationHistory
{
    /// <summary>This build's migrations, found as EF Core's migrator finds them.</summary>
    public static IReadOnlyList<string> Known { get; } = typeof(ConclaveDbContext).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(Migration)) && !type.IsAbstract
                       && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(ConclaveDbContext))
        .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToArray();

    /// <returns>False when the file is missing, has no history table or lacks one of <see cref="Known"/>.</returns>
    /// <exception cref="SqliteException">The file cannot be opened or read.</exception>
    public static async Task<bool> AllAppliedAsync(string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath)) return false;
        await using var connection = OpenExisting(databasePath);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 0) return false;
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        var applied = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // as EF Core compares them
        await using (var rows = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken)) applied.Add(rows.GetString(0));
        }
        return Known.All(applied.Contains);
    }

    /// <summary>A connection to a file that must exist already, not pooled: start-up and readiness use it once.</summary>
    public static SqliteConnection OpenExisting(string databasePath) => new(new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
    }.ToString());
}
