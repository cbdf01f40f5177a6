using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Schema;

// GET /readyz: the database answers and holds every migration of this build.
public sealed class DatabaseReadinessTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_migrated_database_is_ready() => Assert.Null(await ProblemAsync());

    [Fact]
    public async Task A_database_missing_a_migration_is_not_ready()
    {
        await _database.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory"));

        Assert.Equal("database migrations not applied", await ProblemAsync());
    }

    private async Task<string?> ProblemAsync()
    {
        await using var scope = _database.Scope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseReadiness>().ProblemAsync(default);
    }
}
