using System.Data;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Connections;

// A request's context runs on a connection kept open across requests; one given back with a statement still running
// or a transaction open is closed instead, and the idle trim closes the idle ones.
public sealed class ContextConnectionsTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_next_request_gets_the_connection_of_the_last_one_still_open()
    {
        var first = await ConnectionOfAScopeAsync(db => db.Users.CountAsync());
        var second = await ConnectionOfAScopeAsync(db => db.Groups.CountAsync());

        Assert.Same(first, second);
        Assert.Equal(ConnectionState.Open, second.State);
    }

    [Fact]
    public async Task A_connection_with_a_statement_still_running_is_closed_not_kept()
    {
        SqliteDataReader? leaked = null;
        var connection = await ConnectionOfAScopeAsync(db =>
        {
            var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT 1 UNION ALL SELECT 2";
            leaked = command.ExecuteReader();
            return Task.FromResult(leaked.Read());
        });

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, Connections().Idle);
        leaked!.Dispose();
    }

    [Fact]
    public async Task A_connection_with_a_transaction_open_is_closed_not_kept()
    {
        var connection = await ConnectionOfAScopeAsync(db =>
        {
            // Past EF Core, which would roll its own transactions back at the context's reset.
            using var begin = db.Database.GetDbConnection().CreateCommand();
            begin.CommandText = "BEGIN";
            return Task.FromResult(begin.ExecuteNonQuery());
        });

        Assert.Equal(ConnectionState.Closed, connection.State);
        Assert.Equal(0, Connections().Idle);
    }

    [Fact]
    public async Task A_connection_after_a_committed_write_is_kept()
    {
        var connection = await ConnectionOfAScopeAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.Users.CountAsync();
            await transaction.CommitAsync();
            return 0;
        });

        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.Equal(1, Connections().Idle);
    }

    [Fact]
    public async Task Only_a_few_are_kept_idle_and_the_idle_trim_closes_them()
    {
        var scopes = Enumerable.Range(0, 20).Select(_ => _database.Scope()).ToList();
        var connections = scopes.Select(scope =>
        {
            var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
            Assert.Equal(0, db.Users.Count());
            return db.Database.GetDbConnection();
        }).ToList();
        Assert.Equal(20, connections.Distinct().Count());
        foreach (var scope in scopes) await scope.DisposeAsync();

        Assert.Equal(8, Connections().Idle);
        Assert.Equal(8, connections.Count(connection => connection.State == ConnectionState.Open));

        Connections().ReleaseIdle();

        Assert.Equal(0, Connections().Idle);
        Assert.All(connections, connection => Assert.Equal(ConnectionState.Closed, connection.State));
    }

    // EF Core registers its SQL functions only on connections it opens itself; its queries call them for decimal
    // arithmetic, comparisons and sums, and for Regex.IsMatch. A model with no decimal needs none of them.
    [Fact]
    public async Task The_model_needs_none_of_EF_Cores_SQL_functions()
    {
        var properties = await _database.WithDbAsync(db => Task.FromResult(
            db.Model.GetEntityTypes().SelectMany(type => type.GetProperties()).ToList()));

        Assert.NotEmpty(properties);
        Assert.DoesNotContain(properties, property =>
            (Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(decimal) ||
            property.GetTypeMapping().Converter?.ProviderClrType == typeof(decimal));
        Assert.DoesNotContain(typeof(ConclaveDbContext).Assembly.GetReferencedAssemblies(),
            assembly => assembly.Name == "System.Text.RegularExpressions");
    }

    private ContextConnections Connections() => _database.Services.GetRequiredService<ContextConnections>();

    private async Task<SqliteConnection> ConnectionOfAScopeAsync<T>(Func<ConclaveDbContext, Task<T>> work)
    {
        await using var scope = _database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
        await work(db);
        return (SqliteConnection)db.Database.GetDbConnection();
    }
}
