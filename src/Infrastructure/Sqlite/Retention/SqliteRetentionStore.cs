using System.Globalization;
using Conclave.Application.Retention;
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

    // Effective expiry (RetentionPolicy): server 0 or group 0 → none here; otherwise min of the positive values.
    public Task<int> DeleteAgedMessagesAsync(long now, long serverRetention, int batchSize, CancellationToken cancellationToken) =>
        serverRetention == 0
            ? Task.FromResult(0)
            : Delete(WriteKind.Content, $"""
                DELETE FROM messages WHERE rowid IN (
                    SELECT m.rowid FROM messages m JOIN groups g ON g.id = m.group_id
                    WHERE g.message_expiry_seconds != 0
                      AND (g.message_expiry_seconds > 0 OR {serverRetention} > 0)
                      AND m.created_at < {now} - CASE
                            WHEN g.message_expiry_seconds > 0 AND ({serverRetention} < 0 OR g.message_expiry_seconds < {serverRetention})
                            THEN g.message_expiry_seconds ELSE {serverRetention} END
                    LIMIT {batchSize})
                """, cancellationToken);

    private Task<int> Delete(WriteKind kind, FormattableString sql, CancellationToken cancellationToken) =>
        gate.WriteAsync(kind, async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            SqliteConnectionSettings.Apply(connection);
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

    // A member without a watermark counts as 0; a group without members has no minimum and keeps everything (C46).
    public Task<int> DeleteFetchedMessagesAsync(long serverRetention, int batchSize, CancellationToken cancellationToken) =>
        Delete(WriteKind.Content, $"""
            DELETE FROM messages WHERE rowid IN (
                SELECT m.rowid FROM messages m
                JOIN groups g ON g.id = m.group_id
                JOIN (SELECT gm.group_id, MIN(COALESCE(w.last_fetched_seq, 0)) AS low
                      FROM group_members gm
                      LEFT JOIN message_fetch_watermarks w ON w.group_id = gm.group_id AND w.user_id = gm.user_id
                      GROUP BY gm.group_id) fetched ON fetched.group_id = m.group_id
                WHERE ({serverRetention} = 0 OR g.message_expiry_seconds = 0) AND m.sequence_num <= fetched.low
                LIMIT {batchSize})
            """, cancellationToken);
}
