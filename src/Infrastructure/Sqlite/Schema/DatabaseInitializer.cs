using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Sqlite.Schema;

/// <summary>
/// Creates the database file (0600) and its folder if missing, applies the migrations and switches it to WAL. A file
/// that is not ours has been refused before (<see cref="ForeignDatabaseGuard"/>).
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services)
{
    public async Task InitializeAsync(string databasePath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        PrivateFile.CreateIfMissing(databasePath); // before SQLite creates it with the umask's mode
        // EF Core's migrator only for an existing database that lacks a migration: a new one is created from the
        // migrations' script and an up-to-date one is left as it is, so the server starts without EF Core (its first
        // request loads only what requests use).
        if (!await MigrationHistory.AllAppliedAsync(databasePath, cancellationToken)
            && !await SchemaScript.TryCreateAsync(databasePath, cancellationToken))
            await services.GetRequiredService<ConclaveDbContext>().Database.MigrateAsync(cancellationToken);
        await using var connection = MigrationHistory.OpenExisting(databasePath);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;"; // kept in the file: every later connection uses the log
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
