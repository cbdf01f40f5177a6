namespace Conclave.Infrastructure.Sqlite.Durability;

/// <summary>
/// Makes committed writes durable with one fsync of the write-ahead log for every batch of commits (group commit).
/// Connections commit with <c>synchronous=NORMAL</c>, which in WAL mode writes a commit's frames to the -wal file
/// without syncing it; a writer then waits here, outside the write gate, until an fsync that started after its commit
/// has returned. Every commit that completed before that fsync started is then on disk, which is what
/// <c>synchronous=FULL</c> guarantees, at one fsync per batch instead of one per commit. The argument (WAL restarts,
/// checkpoints, a recreated -wal file) is written down in docs/reliability.md.
/// A commit is visible to readers before its fsync; <see cref="VisibleWritesDurableAsync"/> lets a reader wait, as
/// under <c>synchronous=FULL</c> (where a commit becomes visible only once synced), before it answers with what it read.
/// </summary>
internal sealed class WalFlush(string walPath)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource? _next;
    private bool _running;
    // Writers are counted as they pass the write gate, one at a time: writer k has entered once _entered ≥ k and has
    // committed (or rolled back) once _left ≥ k. _durable: the _left sampled before the last completed fsync.
    private long _entered;
    private long _left;
    private long _durable;

    /// <summary>Called by the write gate's holder as it takes the gate.</summary>
    public void WriterEntered() => Interlocked.Increment(ref _entered);

    /// <summary>Called by the write gate's holder once its commit or rollback is done, before it lets go of the gate.</summary>
    public void WriterLeft() => Volatile.Write(ref _left, Volatile.Read(ref _entered));

    /// <summary>
    /// Completes once every write that may be visible now is on disk: at once when nothing was written since the last
    /// fsync. A writer still holding the gate is waited for too, as its commit may become visible at any moment.
    /// </summary>
    public async Task VisibleWritesDurableAsync()
    {
        var target = Volatile.Read(ref _entered);
        while (Volatile.Read(ref _durable) < target)
        {
            if (Volatile.Read(ref _left) < target) await Task.Delay(1); // the writer is still at work
            else await FlushAsync();
        }
    }

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
            long covered;
            lock (_lock)
            {
                if (_next is null)
                {
                    _running = false;
                    return;
                }
                batch = _next;
                _next = null;
                covered = Volatile.Read(ref _left);
            }
            try
            {
                SyncWal();
                Volatile.Write(ref _durable, covered);
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
