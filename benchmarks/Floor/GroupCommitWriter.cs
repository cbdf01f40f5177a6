using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Conclave.Benchmarks.Floor;

/// <summary>
/// Group commit: one writer takes every insert waiting at that moment, runs them in one transaction and commits it
/// with synchronous=FULL (one fsync); each request is answered once its batch has committed.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private readonly Channel<(byte[] Body, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(byte[], TaskCompletionSource)>(
        new UnboundedChannelOptions { SingleReader = true });
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
            """;
        setup.ExecuteNonQuery();
        return new GroupCommitWriter(connection);
    }

    public Task InsertAsync(byte[] body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((body, done))) done.SetException(new InvalidOperationException("writer closed"));
        return done.Task;
    }

    private async Task LoopAsync()
    {
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO rows (body, created_at) VALUES ($body, $at)";
        var body = insert.Parameters.Add("$body", SqliteType.Blob);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var batch = new List<(byte[] Body, TaskCompletionSource Done)>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (_queue.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                using (var transaction = _connection.BeginTransaction())
                {
                    insert.Transaction = transaction;
                    foreach (var item in batch)
                    {
                        body.Value = item.Body;
                        at.Value = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                        insert.ExecuteNonQuery();
                    }
                    transaction.Commit();
                }
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
