using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;

namespace Conclave.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(ConclaveDbContext db) : IUnitOfWork
{
    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: writers queue for the lock instead of failing on a stale read.
    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<IDomainEvent>> CommitAsync(CancellationToken cancellationToken)
    {
        var aggregates = db.ChangeTracker.Entries<AggregateRoot>().Select(entry => entry.Entity).ToList();
        var events = aggregates.SelectMany(aggregate => aggregate.DomainEvents).ToList();
        await db.SaveChangesAsync(cancellationToken);
        if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(cancellationToken);
        aggregates.ForEach(aggregate => aggregate.ClearDomainEvents());
        return events;
    }

    public async Task RollbackAsync()
    {
        if (db.Database.CurrentTransaction is { } transaction) await transaction.RollbackAsync();
        db.ChangeTracker.Clear();
    }
}
