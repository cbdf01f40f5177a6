using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Conclave.Benchmarks.Floor;

/// <summary>
/// Group commit: one writer takes every insert waiting at that moment, runs them in one transaction and commits it
/// with synchronous=FULL (one fsync); each request is answered once its batch has committed.
/// An insert without a group goes into <c>rows</c>, keyed by its rowid alone. An insert for a group goes into
/// <c>keyed_rows</c>, keyed by (group, sequence) as the server's messages are, and takes its group's next number: a
/// batch spread over many groups then dirties an index leaf per group it touches, as the server's sends do.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<(byte[] Body, byte[]? Group, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(byte[], byte[]?, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<Guid, long> _lastSequence = [];
    private readonly SqliteConnection _connection;
    private readonly Task _loop;

    private GroupCommitWriter(SqliteConnection connection)
    {
        _connection = connection;
        _loop = Task.Run(LoopAsync);
    }

    public static GroupCommitWriter Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var setup = connection.CreateCommand();
        setup.CommandText = """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL, created_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS keyed_rows (group_id BLOB NOT NULL, sequence INTEGER NOT NULL, body BLOB NOT NULL,
                created_at INTEGER NOT NULL, PRIMARY KEY (group_id, sequence));
            """;
        setup.ExecuteNonQuery();
        return new GroupCommitWriter(connection);
    }

    /// <param name="group">16 bytes for an insert keyed by (group, sequence); null for a plain row.</param>
    public Task InsertAsync(byte[] body, byte[]? group = null)
    {
        if (group is not null && group.Length != 16) throw new ArgumentException("a group is 16 bytes", nameof(group));
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((body, group, done))) done.SetException(new InvalidOperationException("writer closed"));
        return done.Task;
    }

    private async Task LoopAsync()
    {
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO rows (body, created_at) VALUES ($body, $at)";
        var body = insert.Parameters.Add("$body", SqliteType.Blob);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        using var keyedInsert = _connection.CreateCommand();
        keyedInsert.CommandText = "INSERT INTO keyed_rows (group_id, sequence, body, created_at) VALUES ($group, $sequence, $body, $at)";
        var keyedGroup = keyedInsert.Parameters.Add("$group", SqliteType.Blob);
        var keyedSequence = keyedInsert.Parameters.Add("$sequence", SqliteType.Integer);
        var keyedBody = keyedInsert.Parameters.Add("$body", SqliteType.Blob);
        var keyedAt = keyedInsert.Parameters.Add("$at", SqliteType.Integer);
        var batch = new List<(byte[] Body, byte[]? Group, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (_queue.Reader.TryRead(out var item)) batch.Add(item);
            var numbered = new Dictionary<Guid, long>();
            try
            {
                using (var transaction = _connection.BeginTransaction())
                {
                    insert.Transaction = transaction;
                    keyedInsert.Transaction = transaction;
                    foreach (var item in batch)
                    {
                        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                        if (item.Group is null)
                        {
                            body.Value = item.Body;
                            at.Value = now;
                            insert.ExecuteNonQuery();
                            continue;
                        }
                        var group = new Guid(item.Group);
                        var sequence = (numbered.TryGetValue(group, out var last) ? last : _lastSequence.GetValueOrDefault(group)) + 1;
                        numbered[group] = sequence;
                        keyedGroup.Value = item.Group;
                        keyedSequence.Value = sequence;
                        keyedBody.Value = item.Body;
                        keyedAt.Value = now;
                        keyedInsert.ExecuteNonQuery();
                    }
                    transaction.Commit();
                }
                foreach (var (group, sequence) in numbered) _lastSequence[group] = sequence;
                foreach (var item in batch) item.Done.SetResult();
            }
            catch (SqliteException exception)
            {
                foreach (var item in batch) item.Done.SetException(exception);
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.Complete();
        await _loop;
        await _connection.DisposeAsync();
    }
}
