using Conclave.Application.Common.Events;
using Conclave.Domain.Common;

namespace Conclave.Application.Common.Persistence;

/// <summary>The only thing that knows how a command's changes are committed.</summary>
public interface IUnitOfWork
{
    /// <summary>Starts the write transaction, taking the store's write lock before the first read; a no-op when one is open.</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Saves and commits, and completes once the commit is durable. Returns the domain events raised by the committed
    /// aggregates, in order, with the publication turn taken at the commit (turns follow commit order).
    /// </summary>
    Task<Committed> CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync();
}

/// <summary>A durable commit's events, to be published in its turn.</summary>
public sealed record Committed(IReadOnlyList<IDomainEvent> Events, PublicationTurn Turn);
