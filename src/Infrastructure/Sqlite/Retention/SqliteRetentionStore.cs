using System.Globalization;
using System.Text.Json;
using Conclave.Application.Retention;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Connections;
using Conclave.Infrastructure.Sqlite.Durability;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Retention;

// Set-based deletes with LIMIT through rowid subqueries: each statement is its own short write transaction, queued
// behind (and ahead of) the requests' writes at the gate. Plain SQLite commands on a pooled connection, not EF Core:
// the cleanup runs at start-up, and a server restarted on an existing database then starts without EF Core's
// services (DatabaseInitializer); they load with the first request that uses them.
internal sealed class SqliteRetentionStore(string connectionString, WriteGate gate) : IRetentionStore
{
    public Task<int> DeleteExpiredSessionsAsync(long now, int batchSize, CancellationToken cancellationToken) =>
        Delete(WriteKind.Access,
            $"DELETE FROM sessions WHERE rowid IN (SELECT rowid FROM sessions WHERE expires_at <= {now} LIMIT {batchSize})",
            cancellationToken);

    public Task<int> DeleteInvitesCreatedBeforeAsync(long cutoff, int batchSize, CancellationToken cancellationToken) =>
        Delete(WriteKind.Content,
            $"DELETE FROM pending_invites WHERE rowid IN (SELECT rowid FROM pending_invites WHERE created_at < {cutoff} LIMIT {batchSize})",
            cancellationToken);

    // The effective expiry is RetentionPolicy's: applied to each expiry value the groups have (few; most keep the
    // default), its cutoffs reach the statement as one JSON parameter. Groups are matched by that value, so a group
    // whose expiry changes meanwhile is never aged by its old one. Materialized, the groups due are found once per
    // statement, and each one's messages through the primary key.
    public async Task<int> DeleteAgedMessagesAsync(long now, long serverRetention, int batchSize, CancellationToken cancellationToken)
    {
        var cutoffs = new List<long[]>();
        foreach (var expiry in await GroupExpiriesAsync(cancellationToken))
            if (RetentionPolicy.AgedOutBefore(serverRetention, expiry, now) is { } before) cutoffs.Add([expiry, before]);
        return cutoffs.Count == 0 ? 0 : await Delete(WriteKind.Content, $"""
            DELETE FROM messages WHERE rowid IN (
                WITH due AS MATERIALIZED (
                    SELECT g.id, cutoff.value ->> 1 AS before FROM json_each({JsonSerializer.Serialize(cutoffs)}) cutoff
                    JOIN groups g ON g.message_expiry_seconds = cutoff.value ->> 0)
                SELECT m.rowid FROM due JOIN messages m ON m.group_id = due.id AND m.created_at < due.before
                LIMIT {batchSize})
            """, cancellationToken);
    }

    // Groups are chosen as for ageing, by RetentionPolicy on each expiry value. A member without a watermark counts as 0;
    // a group without members has no minimum and keeps everything (C46).
    public async Task<int> DeleteFetchedMessagesAsync(long serverRetention, int batchSize, CancellationToken cancellationToken)
    {
        var expiries = (await GroupExpiriesAsync(cancellationToken))
            .Where(expiry => RetentionPolicy.TracksWatermarks(serverRetention, expiry)).ToList();
        return expiries.Count == 0 ? 0 : await Delete(WriteKind.Content, $"""
            DELETE FROM messages WHERE rowid IN (
                SELECT m.rowid FROM messages m
                JOIN groups g ON g.id = m.group_id
                JOIN (SELECT gm.group_id, MIN(COALESCE(w.last_fetched_seq, 0)) AS low
                      FROM group_members gm
                      LEFT JOIN message_fetch_watermarks w ON w.group_id = gm.group_id AND w.user_id = gm.user_id
                      GROUP BY gm.group_id) fetched ON fetched.group_id = m.group_id
                WHERE g.message_expiry_seconds IN (SELECT value FROM json_each({JsonSerializer.Serialize(expiries)}))
                  AND m.sequence_num <= fetched.low
                LIMIT {batchSize})
            """, cancellationToken);
    }

    private async Task<List<long>> GroupExpiriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT message_expiry_seconds FROM groups";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expiries = new List<long>();
        while (await reader.ReadAsync(cancellationToken)) expiries.Add(reader.GetInt64(0));
        return expiries;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteConnectionSettings.Apply(connection);
        return connection;
    }

    private Task<int> Delete(WriteKind kind, FormattableString sql, CancellationToken cancellationToken) =>
        gate.WriteAsync(kind, async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // The interpolated values become parameters $p0, $p1…, as EF Core's ExecuteSqlInterpolated made them.
            var names = new object[sql.ArgumentCount];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = "$p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue((string)names[i], sql.GetArgument(i));
            }
            command.CommandText = string.Format(CultureInfo.InvariantCulture, sql.Format, names);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
}
