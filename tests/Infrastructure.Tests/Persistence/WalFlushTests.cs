using Conclave.Application.Accounts.Commands.Register;
using Conclave.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence;

// Durability comes from WalFlush (one fsync of the -wal file per batch) on connections that commit with
// synchronous=NORMAL. An fsync cannot be observed from a test; what can be: the setting, that every waiter is
// answered, and that a missing -wal file (checkpointed and deleted by SQLite) is not an error.
public sealed class WalFlushTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Server_connections_commit_in_wal_mode_with_synchronous_normal()
    {
        await using var scope = _database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(1L, await command.ExecuteScalarAsync()); // NORMAL
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Every_waiter_of_many_concurrent_writes_is_answered_and_every_write_is_there()
    {
        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => _database.SendAsync(new RegisterCommand($"user{i}", "password1", "", ""))));

        Assert.Equal(12, await _database.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_missing_wal_file_has_nothing_to_sync()
    {
        var flush = new WalFlush(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db-wal"));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => flush.FlushAsync()));
    }
}
