using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Schema;

// A database made by an earlier release (its migrations only) is migrated forward at start-up and keeps its rows.
public sealed class MigrationForwardTests : IDisposable
{
    private const string Alice = "INSERT INTO users (id, username, password_hash, alias, signing_key_fingerprint, created_at) " +
        "VALUES (x'00112233445566778899aabbccddeeff', 'alice', 'h', '', '', 1)";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));
    private readonly string _path;

    public MigrationForwardTests()
    {
        Directory.CreateDirectory(_folder);
        _path = Path.Combine(_folder, "conclave.db");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_database_of_the_initial_migration_gets_the_registration_invitations_and_keeps_its_rows()
    {
        await CreateAtAsync("20261125234745_Initial", Alice);

        await StartUpAsync();

        Assert.Equal("alice 0", await ScalarAsync("SELECT (SELECT username FROM users) || ' ' || (SELECT count(*) FROM registration_invitations)"));
    }

    // No login time was recorded for them, so they count as created at the upgrade.
    [Fact]
    public async Task Existing_sessions_keep_their_expiry_and_count_as_created_at_the_upgrade()
    {
        await CreateAtAsync("20261207225521_RegistrationInvitations", Alice,
            "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('hash', x'00112233445566778899aabbccddeeff', 4000000000)");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await StartUpAsync();

        Assert.Equal("hash 4000000000", await ScalarAsync("SELECT group_concat(token_hash || ' ' || expires_at) FROM sessions"));
        Assert.InRange((long)(await ScalarAsync("SELECT created_at FROM sessions"))!, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    private async Task CreateAtAsync(string migration, params string[] statements)
    {
        await using (var db = new ConclaveDbContext(new DbContextOptionsBuilder<ConclaveDbContext>().UseSqlite($"Data Source={_path}").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync(migration);
            foreach (var statement in statements) await db.Database.ExecuteSqlRawAsync(statement);
        }
        SqliteConnection.ClearAllPools();
        Assert.False(await MigrationHistory.AllAppliedAsync(_path, default));
    }

    private async Task StartUpAsync()
    {
        await using var services = new ServiceCollection().AddLogging().AddInfrastructure(_path).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(_path, default);
        Assert.True(await MigrationHistory.AllAppliedAsync(_path, default));
    }

    private async Task<object?> ScalarAsync(string query)
    {
        await using var connection = MigrationHistory.OpenExisting(_path);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        return await command.ExecuteScalarAsync();
    }
}
