using Conclave.Application.Common.Events;
using Conclave.Application.Common.Observability;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Persistence.Writes;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence;

/// <summary>
/// A command's transaction, on the scope's context; the engine admits it (<see cref="IWriteAdmission"/>) and tells
/// when its commit is durable. What it wrote decides its <see cref="WriteKind"/> (<see cref="WrittenEntities"/>).
/// </summary>
internal sealed class EfUnitOfWork(IContextLease scoped, IWriteAdmission admission, PublicationOrder order, ConclaveMetrics metrics) : IUnitOfWork, IAsyncDisposable
{
    private bool _admitted;

    // Admitted before the transaction begins: on SQLite, BEGIN IMMEDIATE takes the write lock before the first read.
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (scoped.Context.Database.CurrentTransaction is not null) return;
        await EnterAsync(cancellationToken);
        await scoped.Context.Database.BeginTransactionAsync(cancellationToken);
    }

    public async Task<Committed> CommitAsync(CancellationToken cancellationToken)
    {
        var db = scoped.Context;
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(entry => entry.Entity).ToList();
        var events = aggregates.SelectMany(aggregate => aggregate.DomainEvents).ToList();
        var messages = db.ChangeTracker.Entries<StoredMessage>().Count(entry => entry.State == EntityState.Added);
        // A command that deferred its transaction and began none saves in one autocommit statement, admitted the same way.
        if (!_admitted) await EnterAsync(cancellationToken);
        var turn = order.Take(); // taken while admitted, so turns follow commit order
        try
        {
            var written = WrittenEntities.KindOf(db.ChangeTracker, db.RanUntrackedWrite);
            await db.SaveChangesAsync(cancellationToken);
            if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(cancellationToken);
            Leave(written);
            // Not the request's token: the commit has happened, and its events wait for it to be durable. A command that
            // wrote nothing waits too: its answer may rest on what it read.
            await admission.DurableAsync();
        }
        catch
        {
            turn.Dispose();
            throw;
        }
        metrics.MessagesStored(messages);
        aggregates.ForEach(aggregate => aggregate.ClearDomainEvents());
        return new Committed(events, turn);
    }

    public async Task RollbackAsync()
    {
        try
        {
            if (scoped.Leased?.Database.CurrentTransaction is { } transaction) await transaction.RollbackAsync();
        }
        finally
        {
            Leave(WriteKind.None);
            scoped.Leased?.ChangeTracker.Clear();
        }
    }

    // A request that ends without commit or rollback (it cannot, but a leak would stop every writer) lets the next in;
    // what it may have written is not known.
    public ValueTask DisposeAsync()
    {
        Leave(WriteKind.Access);
        return ValueTask.CompletedTask;
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        await admission.EnterAsync(cancellationToken);
        _admitted = true;
        if (scoped.Leased is { } db) db.RanUntrackedWrite = false;
    }

    private void Leave(WriteKind written)
    {
        if (!_admitted) return;
        _admitted = false;
        if (scoped.Leased is { } db) db.RanUntrackedWrite = false;
        admission.Leave(written);
    }
}
