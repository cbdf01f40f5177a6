using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence;

/// <summary>
/// A scope's one context, shared by its repositories and its unit of work: leased from the pool at its first use
/// and given back when the scope ends. A request that never queries (a message send, which the message writer
/// stores) leases none.
/// </summary>
internal sealed class ScopedContext(IDbContextFactory<ConclaveDbContext> contexts) : IAsyncDisposable
{
    private ConclaveDbContext? _context;

    public ConclaveDbContext Context => _context ??= contexts.CreateDbContext();

    /// <summary>The context, if this scope has used one.</summary>
    public ConclaveDbContext? Leased => _context;

    public ValueTask DisposeAsync() => _context?.DisposeAsync() ?? ValueTask.CompletedTask;
}
