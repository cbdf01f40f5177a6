using Conclave.Infrastructure.Sqlite.Files;
using Conclave.Infrastructure.Sqlite.Lookups;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.ReferenceImport;

/// <summary>
/// Copies a reference server's database (database.md) into this server's, in one transaction on one connection: the
/// source, copied with its <c>-wal</c> (<see cref="SqliteFileSnapshot"/>), is attached and every kind of row is carried
/// over by one <c>INSERT … SELECT</c> that converts it (ids from their text to their 16 bytes, roles and defaults).
/// Ids, password hashes, token hashes, sequence numbers and times are kept; what the reference never stored (creation
/// and join times) is the time of the import.
/// </summary>
public sealed class ReferenceImporter
{
    private const long MessagesPerStep = 100_000;
    private readonly string _targetPath;
    private readonly AccessEpoch _access;
    private readonly TimeProvider _time;

    internal ReferenceImporter(string targetPath, AccessEpoch access, TimeProvider time)
    {
        _targetPath = targetPath;
        _access = access;
        _time = time;
    }

    /// <param name="progress">Told how far the messages are, on a source with more than one step of them.</param>
    /// <exception cref="ImportRefusedException">Nothing was written (the source is not importable, in use or unreadable, or the target holds users or groups).</exception>
    public async Task<ImportReport> ImportAsync(string sourcePath, Action<string> progress, CancellationToken cancellationToken)
    {
        using var snapshot = ClosedReferenceFileSnapshot(sourcePath);
        ReferenceSchema schema;
        try
        {
            await using var source = snapshot.Open();
            schema = await ReferenceSchema.ReadAsync(source, sourcePath, cancellationToken);
        }
        catch (SqliteException unreadable)
        {
            throw new ImportRefusedException($"'{sourcePath}' cannot be read as an SQLite database: {unreadable.Message}");
        }

        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _targetPath,
            Mode = SqliteOpenMode.ReadWrite,
            ForeignKeys = true,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await target.OpenAsync(cancellationToken);
        await ExecuteAsync(target, "PRAGMA cache_size = -65536", cancellationToken); // 64 MiB: the indexes being filled stay in memory
        await using (var attach = target.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS ref";
            attach.Parameters.AddWithValue("$path", snapshot.Path);
            await attach.ExecuteNonQueryAsync(cancellationToken);
        }
        var report = await CopyAsync(target, new ImportStatements(schema, _time.GetUtcNow().ToUnixTimeSeconds()), sourcePath, progress, cancellationToken);
        await ExecuteAsync(target, "DETACH DATABASE ref", cancellationToken);
        _access.Advance(); // a server running on the target forgets the sessions and roles it had looked up
        return report;
    }

    // The reference keeps its one connection open as long as it runs: a copy taken meanwhile may miss its last writes.
    private static SqliteFileSnapshot ClosedReferenceFileSnapshot(string sourcePath)
    {
        if (!File.Exists(sourcePath)) throw new ImportRefusedException($"'{sourcePath}' does not exist");
        try
        {
            if (!SqliteFile.HasSqliteHeader(sourcePath)) throw new ImportRefusedException($"'{sourcePath}' is not an SQLite database");
            var holder = SqliteFileLocks.HolderOf(sourcePath) ?? (File.Exists(sourcePath + "-shm") ? SqliteFileLocks.HolderOf(sourcePath + "-shm") : null);
            if (holder is { } process)
                throw new ImportRefusedException($"'{sourcePath}' is open in another process (pid {process}): stop the reference server first");
            return SqliteFileSnapshot.Of(sourcePath);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            throw new ImportRefusedException($"'{sourcePath}' cannot be read or copied: {unreadable.Message}");
        }
    }

    private static async Task<ImportReport> CopyAsync(SqliteConnection target, ImportStatements statements, string sourcePath, Action<string> progress, CancellationToken cancellationToken)
    {
        var counts = new List<(string, long)>();
        await using var transaction = target.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the target's writers wait
        var kind = "ids";
        try
        {
            if (await ScalarAsync(target, ImportStatements.TargetHoldsAnything, cancellationToken) != 0)
                throw new ImportRefusedException($"the target database '{target.DataSource}' already holds users or groups: import into a new file with --into");
            if (await ScalarTextAsync(target, statements.FirstMalformedId, cancellationToken) is { } malformed)
                throw new ImportRefusedException($"'{sourcePath}' holds an id that is not a UUID ({malformed})");
            foreach (var step in statements.BeforeMessages)
            {
                kind = step.Kind;
                counts.Add((step.Kind, await ExecuteAsync(target, step.Sql, cancellationToken)));
            }
            kind = "messages";
            counts.Add(("messages", await CopyMessagesAsync(target, statements, progress, cancellationToken)));
            foreach (var step in statements.AfterMessages)
            {
                kind = step.Kind;
                counts.Add((step.Kind, await ExecuteAsync(target, step.Sql, cancellationToken)));
            }
            await transaction.CommitAsync(cancellationToken);
            return new ImportReport(counts);
        }
        catch (SqliteException failed)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw new ImportRefusedException($"cannot import {kind}: {failed.Message}");
        }
    }

    // In steps of message row ids, so that a large import says how far it is.
    private static async Task<long> CopyMessagesAsync(SqliteConnection target, ImportStatements statements, Action<string> progress, CancellationToken cancellationToken)
    {
        var total = await ScalarAsync(target, "SELECT count(*) FROM ref.messages", cancellationToken);
        var last = await ScalarAsync(target, "SELECT coalesce(max(id), 0) FROM ref.messages", cancellationToken);
        long copied = 0;
        var from = await ScalarAsync(target, "SELECT coalesce(min(id), 1) - 1 FROM ref.messages", cancellationToken);
        await using var command = target.CreateCommand();
        command.CommandText = statements.MessagesBetween;
        var after = command.Parameters.Add("$after", SqliteType.Integer);
        var upTo = command.Parameters.Add("$upTo", SqliteType.Integer);
        while (from < last)
        {
            (after.Value, upTo.Value) = (from, Math.Min(from + MessagesPerStep, last));
            copied += await command.ExecuteNonQueryAsync(cancellationToken);
            from += MessagesPerStep;
            if (total > MessagesPerStep) progress($"messages: {copied:N0} of {total:N0}");
        }
        return copied;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<string?> ScalarTextAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
