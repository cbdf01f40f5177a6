using System.Collections.Concurrent;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Connections;

// A scope's context comes from the pool and goes back to it once, when the scope ends; so does its connection. Given back twice (once by the
// scope, once by ScopedContext), it was leased to two requests at the same time: under load, 500s for both.
public sealed class ScopedContextTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task No_context_or_connection_is_ever_leased_to_two_scopes_at_once()
    {
        var inUse = new ConcurrentDictionary<object, bool>(ReferenceEqualityComparer.Instance);
        var sharedLeases = 0;

        async Task ScopesAsync()
        {
            for (var i = 0; i < 100_000; i++)
            {
                await using var scope = _database.Scope();
                var context = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
                var connection = context.Database.GetDbConnection(); // kept open across scopes (ContextConnections)
                if (!inUse.TryAdd(context, true)) Interlocked.Increment(ref sharedLeases);
                if (!inUse.TryAdd(connection, true)) Interlocked.Increment(ref sharedLeases);
                Thread.SpinWait(20);
                inUse.TryRemove(context, out _);
                inUse.TryRemove(connection, out _);
            }
        }

        // More threads than this machine's cores, so that one is preempted while it ends its scope: the race needs that.
        await Task.WhenAll(Enumerable.Range(0, 3 * Environment.ProcessorCount)
            .Select(_ => Task.Factory.StartNew(ScopesAsync, TaskCreationOptions.LongRunning).Unwrap()));

        Assert.Equal(0, sharedLeases);
    }

    [Fact]
    public async Task A_scope_leases_one_context_for_all_its_users_and_gives_it_back_when_it_ends()
    {
        ConclaveDbContext first;
        await using (var scope = _database.Scope())
        {
            first = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
            Assert.Same(first, scope.ServiceProvider.GetRequiredService<ScopedContext>().Context);
            Assert.Same(first, scope.ServiceProvider.GetRequiredService<ScopedContext>().Leased);
        }

        await using var next = _database.Scope();
        Assert.Null(next.ServiceProvider.GetRequiredService<ScopedContext>().Leased);
        Assert.Same(first, next.ServiceProvider.GetRequiredService<ScopedContext>().Context);
    }
}
