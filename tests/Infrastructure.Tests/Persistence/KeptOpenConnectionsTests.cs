using System.Data;
using System.Data.Common;
using Conclave.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence;

// A request's context opens its connection at its first query and keeps it to the end of the scope; the pool's reset
// closes it, so no connection outlives its request.
public sealed class KeptOpenConnectionsTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_connection_stays_open_between_queries_of_one_scope_and_closes_with_it()
    {
        DbConnection connection;
        await using (var scope = _database.Scope())
        {
            var leased = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
            connection = leased.Database.GetDbConnection();
            Assert.Equal(ConnectionState.Closed, leased.Database.GetDbConnection().State);
            Assert.Equal(0, await leased.Users.CountAsync());
            Assert.Equal(ConnectionState.Open, leased.Database.GetDbConnection().State);
            Assert.Equal(0, await leased.Groups.CountAsync());
            Assert.Equal(ConnectionState.Open, leased.Database.GetDbConnection().State);
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
    }
}
