using Conclave.Domain.Common;

namespace Conclave.Application.Common.Persistence;

/// <summary>The only thing that knows how a command's changes are committed.</summary>
public interface IUnitOfWork
{
    /// <summary>Starts the write transaction (BEGIN IMMEDIATE on SQLite); a no-op when one is open.</summary>
    Task BeginAsync(CancellationToken cancellationToken);

    /// <summary>Saves and commits; returns the domain events raised by the committed aggregates, in order.</summary>
    Task<IReadOnlyList<IDomainEvent>> CommitAsync(CancellationToken cancellationToken);

    Task RollbackAsync();

    /// <summary>
    /// Completes once every committed write that a read may have seen is durable: a query answers only with what
    /// will survive a power loss.
    /// </summary>
    Task ReadsDurableAsync();
}
