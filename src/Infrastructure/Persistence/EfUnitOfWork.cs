using Conclave.Application.Common.Events;
using Conclave.Application.Common.Observability;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Sqlite.Connections;
using Conclave.Infrastructure.Sqlite.Durability;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(ScopedContext scoped, WriteGate gate, PublicationOrder order, ConclaveMetrics metrics) : IUnitOfWork, IAsyncDisposable
{
    private bool _holdsGate;

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is taken before the first read.
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (scoped.Context.Database.CurrentTransaction is not null) return;
        await gate.EnterAsync(cancellationToken);
        _holdsGate = true;
        await scoped.Context.Database.BeginTransactionAsync(cancellationToken);
    }

    public async Task<Committed> CommitAsync(CancellationToken cancellationToken)
    {
        var db = scoped.Context;
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(entry => entry.Entity).ToList();
        var events = aggregates.SelectMany(aggregate => aggregate.DomainEvents).ToList();
        var messages = db.ChangeTracker.Entries<StoredMessage>().Count(entry => entry.State == EntityState.Added);
        var turn = order.Take(); // the gate is held when a transaction is open, so turns follow commit order
        try
        {
            await gate.WriteAsync(db, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
            var committed = false;
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
                committed = true;
            }
            ReleaseGate();
            // Not the request's token: the commit has happened, and its events wait for it to be durable.
            if (committed) await gate.DurableAsync();
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
        if (scoped.Leased?.Database.CurrentTransaction is { } transaction) await transaction.RollbackAsync();
        ReleaseGate(wrote: false);
        scoped.Leased?.ChangeTracker.Clear();
    }

    public Task ReadsDurableAsync() => gate.VisibleWritesDurableAsync();

    // A request that ends without commit or rollback (it cannot, but a leak would stop every writer) frees the gate.
    public ValueTask DisposeAsync()
    {
        ReleaseGate();
        return ValueTask.CompletedTask;
    }

    private void ReleaseGate(bool wrote = true)
    {
        if (!_holdsGate) return;
        _holdsGate = false;
        gate.Exit(accessUnchanged: !wrote);
    }
}
