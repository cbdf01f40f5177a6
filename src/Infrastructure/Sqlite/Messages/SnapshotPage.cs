using System.Buffers;
using System.Data;
using Conclave.Application.Messages;
using Conclave.Application.Messages.Queries.GetMessages;
using Conclave.Domain.Common;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Messages;

/// <summary>
/// A message page read in one read transaction on a connection of its own: the headers when it opens, the contents
/// row by row when asked, both from the same snapshot, so the contents are exactly the messages the headers listed
/// even if a cleanup deletes them meanwhile. The transaction is read-only and never blocks a writer; it only holds
/// back the checkpoint from the part of the log written after it began, until the page is disposed. Each content is
/// copied into one pooled buffer, reused from message to message.
/// </summary>
internal sealed class SnapshotPage : IMessagePage, IDisposable
{
    private const string HeadersSql = """
        SELECT sequence_num, sender_id, created_at, length(mls_message) FROM messages
        WHERE group_id = $group AND sequence_num > $after
        ORDER BY sequence_num
        LIMIT $limit
        """;
    private const string ContentsSql = """
        SELECT sequence_num, mls_message FROM messages
        WHERE group_id = $group AND sequence_num > $after AND sequence_num <= $last
        ORDER BY sequence_num
        """;

    private readonly ContextConnections _connections;
    private readonly byte[] _groupId;
    private readonly long _after;
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;

    private SnapshotPage(ContextConnections connections, SqliteConnection connection, SqliteTransaction transaction, GroupId groupId, long after)
    {
        _connections = connections;
        _connection = connection;
        _transaction = transaction;
        _groupId = IdBytes.From(groupId.Value);
        _after = after;
    }

    public IReadOnlyList<MessageHeader> Messages { get; private set; } = [];

    public static async Task<SnapshotPage> OpenAsync(
        ContextConnections connections, GroupId groupId, long after, int limit, long? maxContentBytes, CancellationToken cancellationToken)
    {
        var connection = connections.Lend();
        SnapshotPage? page = null;
        try
        {
            page = new SnapshotPage(connections, connection, connection.BeginTransaction(deferred: true), groupId, after);
            var headers = await page.ReadHeadersAsync(limit, cancellationToken);
            page.Messages = maxContentBytes is { } max ? headers[..FetchWindow.Cut(headers.Select(h => h.Length), max)] : headers;
            return page;
        }
        catch
        {
            if (page is not null) page.Dispose();
            else connections.GiveBack(connection);
            throw;
        }
    }

    public async Task ReadContentsAsync(Func<MessageHeader, ReadOnlyMemory<byte>, ValueTask> visit, CancellationToken cancellationToken)
    {
        if (Messages.Count == 0) return;
        await using var command = Command(ContentsSql);
        command.Parameters.AddWithValue("$last", Messages[^1].SequenceNum);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Messages.Max(m => m.Length)));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            var next = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                var header = next < Messages.Count ? Messages[next++] : null;
                if (header is null || reader.GetInt64(0) != header.SequenceNum) throw Inconsistent();
                var length = header.Length == 0 ? 0 : (int)reader.GetBytes(1, 0, buffer, 0, header.Length);
                if (length != header.Length) throw Inconsistent();
                await visit(header, buffer.AsMemory(0, length));
            }
            if (next != Messages.Count) throw Inconsistent();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (_connection is null) return;
        _transaction!.Dispose(); // rolls back: nothing was written
        _connections.GiveBack(_connection);
        _connection = null;
        _transaction = null;
    }

    private async Task<MessageHeader[]> ReadHeadersAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Command(HeadersSql);
        command.Parameters.AddWithValue("$limit", limit);
        var headers = new List<MessageHeader>(Math.Min(limit, FetchWindow.DefaultLimit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            headers.Add(new MessageHeader(reader.GetInt64(0), new UserId(IdBytes.To((byte[])reader.GetValue(1))),
                reader.GetInt64(2), reader.GetInt32(3)));
        }
        return [.. headers];
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection!.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$group", _groupId);
        command.Parameters.AddWithValue("$after", _after);
        return command;
    }

    // The snapshot cannot change under the transaction: a mismatch is a bug, never a client's doing.
    private static InvalidOperationException Inconsistent() => new("a message page's contents differ from its headers");
}
