using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>
/// A consistent copy of the database while the server writes to it: SQLite's online backup API copies every page in
/// one read transaction, which in WAL mode neither waits for writers nor holds them up. The copy is a new file only
/// its owner can read (it holds password hashes), checked before it is reported: integrity_check, and the migration
/// history that makes it a Conclave database.
/// </summary>
public static class DatabaseBackup
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Copies <paramref name="databasePath"/> to the new file <paramref name="backupPath"/>; a copy that fails its check is removed.</summary>
    /// <exception cref="IOException"><paramref name="backupPath"/> exists, or cannot be written, or the database cannot be read.</exception>
    /// <exception cref="InvalidDataException">The copy fails its check.</exception>
    public static async Task<BackupReport> WriteAsync(string databasePath, string backupPath, CancellationToken cancellationToken)
    {
        // CreateNew: never over an existing file, even one that appeared since the caller looked.
        var created = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) created.UnixCreateMode = OwnerOnly;
        await using (new FileStream(backupPath, created))
        {
        }
        try
        {
            await using (var source = MigrationHistory.OpenExisting(databasePath))
            await using (var copy = MigrationHistory.OpenExisting(backupPath))
            {
                await source.OpenAsync(cancellationToken);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
            }
            var latestMigration = await CheckAsync(backupPath, cancellationToken);
            return new BackupReport(new FileInfo(backupPath).Length, latestMigration);
        }
        catch (SqliteException failure)
        {
            File.Delete(backupPath);
            throw new IOException(failure.Message, failure); // callers need not know the engine's exception types
        }
        catch
        {
            File.Delete(backupPath);
            throw;
        }
    }

    /// <returns>The latest migration the copy holds.</returns>
    private static async Task<string> CheckAsync(string backupPath, CancellationToken cancellationToken)
    {
        await using var connection = MigrationHistory.OpenExisting(backupPath);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var verdict = new List<string>();
        await using (var rows = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken)) verdict.Add(rows.GetString(0));
        }
        if (verdict is not ["ok"]) throw new InvalidDataException($"the copy fails integrity_check: {string.Join("; ", verdict.Take(5))}");
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        var migrations = new List<string>();
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1)
        {
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
            await using var rows = await command.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken)) migrations.Add(rows.GetString(0));
        }
        // Every Conclave database holds the first migration; a later build's migrations may follow it.
        if (!migrations.Contains(MigrationHistory.Known.Min()!, StringComparer.OrdinalIgnoreCase))
            throw new InvalidDataException("the copy holds no Conclave migration history: is database_path a Conclave database?");
        return migrations[^1];
    }
}

/// <summary>A checked backup: its size, and the latest migration it holds.</summary>
public sealed record BackupReport(long Bytes, string LatestMigration);
