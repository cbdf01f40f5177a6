namespace Conclave.Infrastructure.Persistence;

/// <summary>
/// Makes committed writes durable with one fsync of the write-ahead log for every batch of commits (group commit).
/// Connections commit with <c>synchronous=NORMAL</c>, which in WAL mode writes a commit's frames to the -wal file
/// without syncing it; a writer then waits here, outside the write gate, until an fsync that started after its commit
/// has returned. Every commit that completed before that fsync started is then on disk, which is what
/// <c>synchronous=FULL</c> guarantees, at one fsync per batch instead of one per commit. The argument (WAL restarts,
/// checkpoints, a recreated -wal file) is written down in docs/reliability.md.
/// </summary>
internal sealed class WalFlush(string walPath)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _next;
    private bool _running;

    /// <summary>Completes once every commit finished before this call is on disk.</summary>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            // _next is the batch whose fsync has not started yet: joining it is enough, since it starts after this call.
            if (_next is null) _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var batch = _next.Task;
            if (!_running)
            {
                _running = true;
                _ = Task.Run(Lead);
            }
            return batch;
        }
    }

    private void Lead()
    {
        while (true)
        {
            TaskCompletionSource batch;
            lock (_lock)
            {
                if (_next is null)
                {
                    _running = false;
                    return;
                }
                batch = _next;
                _next = null;
            }
            try
            {
                SyncWal();
                batch.SetResult();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                batch.SetException(exception);
            }
        }
    }

    // Opened afresh each time: a -wal file deleted and recreated since the last sync is never missed. When it is
    // missing, SQLite has checkpointed it into the database file (synced) and deleted it: nothing is left to sync.
    private void SyncWal()
    {
        try
        {
            using var wal = File.OpenHandle(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            RandomAccess.FlushToDisk(wal);
        }
        catch (FileNotFoundException)
        {
        }
    }
}
