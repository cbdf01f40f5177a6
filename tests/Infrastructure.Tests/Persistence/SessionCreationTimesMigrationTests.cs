using Conclave.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence;

// A database made before sessions kept their creation time gets the column at start-up; its sessions stay valid and
// count as created at the upgrade (no login time was recorded for them).
public sealed class SessionCreationTimesMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));

    public SessionCreationTimesMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Existing_sessions_keep_their_expiry_and_count_as_created_at_the_upgrade()
    {
        var path = Path.Combine(_folder, "conclave.db");
        await using (var db = new ConclaveDbContext(new DbContextOptionsBuilder<ConclaveDbContext>().UseSqlite($"Data Source={path}").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261207225521_RegistrationInvitations");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO users (id, username, password_hash, alias, signing_key_fingerprint, created_at) VALUES (x'00112233445566778899aabbccddeeff', 'alice', 'h', '', '', 1)");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('hash', x'00112233445566778899aabbccddeeff', 4000000000)");
        }
        SqliteConnection.ClearAllPools();
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await using var services = new ServiceCollection().AddLogging().AddInfrastructure(path).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(path, default);

        Assert.True(await MigrationHistory.AllAppliedAsync(path, default));
        await using var check = MigrationHistory.OpenExisting(path);
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "SELECT token_hash, expires_at, created_at FROM sessions";
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(("hash", 4_000_000_000L), (row.GetString(0), row.GetInt64(1)));
        Assert.InRange(row.GetInt64(2), before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.False(await row.ReadAsync());
    }
}
