using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Sqlite.Connections;

/// <summary>
/// A scope's one context, shared by its repositories and its unit of work: leased from the pool at its first use,
/// on a connection kept open (<see cref="ContextConnections"/>), and given back when the scope ends. A request that
/// never queries (a message send, which the message writer stores) leases none. The scope alone gives the context
/// back: a context disposed by two owners went back to the pool twice, and was then leased to two requests at once.
/// The scope disposes this after the context (it resolved this first), so the connection is given back only once
/// the context's reset has ended anything the request left open on it.
/// </summary>
internal sealed class ScopedContext(IServiceProvider scope, ContextConnections connections) : IContextLease, IDisposable
{
    private SqliteConnection? _connection;

    /// <summary>The scope's context, leased now if it has none yet.</summary>
    public ConclaveDbContext Context => scope.GetRequiredService<ConclaveDbContext>();

    /// <summary>The context, if this scope has used one.</summary>
    public ConclaveDbContext? Leased { get; private set; }

    /// <summary>The scope's registration of the context: the scope disposes what it resolves (DependencyInjection).</summary>
    public ConclaveDbContext Lease(IDbContextFactory<ConclaveDbContext> contexts)
    {
        // The connection first: a context leased and then left without one would never go back to the pool.
        _connection = connections.Lend();
        var context = contexts.CreateDbContext();
        context.Database.SetDbConnection(_connection, contextOwnsConnection: false);
        context.RanUntrackedWrite = false; // a mark left by the context's last scope
        return Leased = context;
    }

    public void Dispose()
    {
        if (_connection is null) return;
        connections.GiveBack(_connection);
        _connection = null;
    }
}
