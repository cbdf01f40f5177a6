using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Schema;

// The start-up's and readiness's own reading of __EFMigrationsHistory, which spares EF Core's migrator when there is
// nothing to migrate.
public sealed class MigrationHistoryTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;
    private readonly string _freshPath = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"), "fresh.db");

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(_freshPath)!;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_known_migrations_are_those_EF_Core_applies() =>
        Assert.Equal(await _database.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList())),
            MigrationHistory.Known.Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_migrated_database_holds_them_all() =>
        Assert.True(await MigrationHistory.AllAppliedAsync(_database.FilePath, default));

    [Fact]
    public async Task A_missing_file_holds_none_and_is_not_created()
    {
        Assert.False(await MigrationHistory.AllAppliedAsync(_freshPath, default));
        Assert.False(File.Exists(_freshPath));
    }

    [Fact]
    public async Task A_database_without_a_history_table_lacks_them()
    {
        await _database.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE __EFMigrationsHistory"));

        Assert.False(await MigrationHistory.AllAppliedAsync(_database.FilePath, default));
    }

    [Fact]
    public async Task A_new_or_an_up_to_date_database_needs_no_EF_Core()
    {
        var withoutContext = new DatabaseInitializer(new ServiceCollection().BuildServiceProvider());

        await withoutContext.InitializeAsync(_database.FilePath, default);
        await withoutContext.InitializeAsync(_freshPath, default);

        Assert.True(await MigrationHistory.AllAppliedAsync(_freshPath, default));
    }

    [Fact]
    public async Task An_existing_database_without_the_migrations_gets_them_from_the_migrator_and_the_log()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_freshPath)!);
        await using (var connection = new SqliteConnection($"Data Source={_freshPath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE other (x INTEGER)";
            await create.ExecuteNonQueryAsync();
        }
        await using var services = new ServiceCollection().AddLogging().AddInfrastructure(_freshPath).BuildServiceProvider();

        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(_freshPath, default);

        Assert.True(await MigrationHistory.AllAppliedAsync(_freshPath, default));
        await using var check = MigrationHistory.OpenExisting(_freshPath);
        await check.OpenAsync();
        await using var mode = check.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await mode.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_existing_database_missing_a_migration_goes_to_EF_Core_s_migrator()
    {
        var withoutContext = new DatabaseInitializer(new ServiceCollection().BuildServiceProvider());
        await _database.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => withoutContext.InitializeAsync(_database.FilePath, default));
    }
}
