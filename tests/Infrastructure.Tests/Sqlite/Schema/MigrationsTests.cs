using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Tests.Sqlite.Schema;

// The server's Migrate skips EF Core's own check that the migrations match the model (it builds two more models at
// every start, see AddInfrastructure); this test is that check: a model change without its migration fails here.
public sealed class MigrationsTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_migrations_describe_the_whole_model() =>
        Assert.False(await _database.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
}
