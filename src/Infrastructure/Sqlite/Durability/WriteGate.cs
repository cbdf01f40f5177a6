using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Lookups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Sqlite.Durability;

/// <summary>
/// One writer at a time, queued in process. SQLite admits one writer anyway, but a writer that finds the lock taken
/// sleeps in SQLite's busy handler (up to 100 ms a step) even when the lock frees a moment later; waiting here
/// instead hands the lock straight to the next writer. Held from BEGIN IMMEDIATE to COMMIT or ROLLBACK; the wait for
/// durability (<see cref="WalFlush"/>) comes after, outside the gate, so the next writer commits meanwhile. Leaving
/// it advances the <see cref="AccessEpoch"/> unless the holder wrote nothing a session or role look-up reads.
/// </summary>
internal sealed class WriteGate(WalFlush flush, AccessEpoch access)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        flush.WriterEntered();
    }

    public void Exit(bool accessUnchanged = false)
    {
        flush.WriterLeft();
        if (!accessUnchanged) access.Advance();
        _gate.Release();
    }

    /// <summary>Completes once every write committed before the call is on disk.</summary>
    public Task DurableAsync() => flush.FlushAsync();

    /// <summary>Completes once every write a reader may have seen is on disk.</summary>
    public Task VisibleWritesDurableAsync() => flush.VisibleWritesDurableAsync();

    /// <summary>
    /// Runs one autocommit write statement under the gate and returns once it is durable, or runs it directly inside
    /// the caller's open transaction (whose commit waits for durability).
    /// </summary>
    public async Task<T> WriteAsync<T>(ConclaveDbContext db, Func<Task<T>> write, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null ? await write() : await WriteAsync(write, cancellationToken);

    /// <summary>Runs one autocommit write statement under the gate and returns once it is durable.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        T result;
        try
        {
            result = await write();
        }
        finally
        {
            Exit();
        }
        await DurableAsync();
        return result;
    }
}
