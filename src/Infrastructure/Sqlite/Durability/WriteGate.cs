using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Lookups;

namespace Conclave.Infrastructure.Sqlite.Durability;

/// <summary>
/// One writer at a time, queued in process: every write path enters here (docs/architecture.md, "Invariants").
/// SQLite admits one writer anyway, but a writer that finds the lock taken sleeps in SQLite's busy handler (up to
/// 100 ms a step) even when the lock frees a moment later; waiting here instead hands the lock straight to the next
/// writer. Held from BEGIN IMMEDIATE to COMMIT or ROLLBACK; the wait for durability (<see cref="WalFlush"/>) comes
/// after, outside the gate, so the next writer commits meanwhile. Leaving it after an <see cref="WriteKind.Access"/>
/// write advances the <see cref="AccessEpoch"/>.
/// </summary>
internal sealed class WriteGate(WalFlush flush, AccessEpoch access) : IWriteAdmission
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        flush.WriterEntered();
    }

    public void Leave(WriteKind written)
    {
        flush.WriterLeft();
        if (written == WriteKind.Access) access.Advance();
        _gate.Release();
    }

    /// <summary>Completes once every write committed before the call is on disk.</summary>
    public Task DurableAsync() => flush.FlushAsync();

    /// <summary>Completes once every write a reader may have seen is on disk.</summary>
    public Task VisibleWritesDurableAsync() => flush.VisibleWritesDurableAsync();

    /// <summary>
    /// Runs one <paramref name="kind"/> autocommit write statement under the gate and returns once it is durable, or
    /// runs it directly inside the caller's open transaction (whose unit of work applies the rules at its commit).
    /// </summary>
    public async Task<T> WriteAsync<T>(ConclaveDbContext db, WriteKind kind, Func<Task<T>> write, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null ? await write() : await WriteAsync(kind, write, cancellationToken);

    /// <summary>Runs one <paramref name="kind"/> autocommit write statement under the gate and returns once it is durable.</summary>
    public async Task<T> WriteAsync<T>(WriteKind kind, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        T result;
        try
        {
            result = await write();
        }
        finally
        {
            Leave(kind); // a statement that failed may still have written: its kind's rules apply
        }
        await DurableAsync();
        return result;
    }
}
