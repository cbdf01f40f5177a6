using Conclave.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence;

// A database made before registration invitations (the Initial migration only) gets their table at start-up and
// keeps what it held.
public sealed class RegistrationInvitationsMigrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));

    public RegistrationInvitationsMigrationTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_database_of_the_initial_migration_migrates_forward_at_start_up_keeping_its_rows()
    {
        var path = Path.Combine(_folder, "conclave.db");
        await using (var db = new ConclaveDbContext(new DbContextOptionsBuilder<ConclaveDbContext>().UseSqlite($"Data Source={path}").Options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261125234745_Initial");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO users (id, username, password_hash, alias, signing_key_fingerprint, created_at) VALUES (x'00112233445566778899aabbccddeeff', 'alice', 'h', '', '', 1)");
        }
        SqliteConnection.ClearAllPools();
        Assert.False(await MigrationHistory.AllAppliedAsync(path, default));

        await using var services = new ServiceCollection().AddLogging().AddInfrastructure(path).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(path, default);

        Assert.True(await MigrationHistory.AllAppliedAsync(path, default));
        await using var check = MigrationHistory.OpenExisting(path);
        await check.OpenAsync();
        await using var command = check.CreateCommand();
        command.CommandText = "SELECT (SELECT username FROM users) || ' ' || (SELECT count(*) FROM registration_invitations)";
        Assert.Equal("alice 0", await command.ExecuteScalarAsync());
    }
}
