using Conclave.Application.Accounts.Commands.Register;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Durability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Durability;

// Durability comes from WalFlush (one fsync of the -wal file per batch) on connections that commit with
// synchronous=NORMAL. An fsync cannot be observed from a test; what can be: the setting, that every waiter is
// answered, that a missing -wal file (checkpointed and deleted by SQLite) is not an error, and when a reader waits.
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
        var flush = MissingWal();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => flush.FlushAsync()));
    }

    [Fact]
    public void With_nothing_written_since_the_last_fsync_a_reader_does_not_wait()
    {
        var flush = MissingWal();

        Assert.True(flush.VisibleWritesDurableAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_reader_after_a_commit_gets_an_fsync_covering_it_so_the_next_reader_does_not_wait()
    {
        var flush = MissingWal();
        flush.WriterEntered();
        flush.WriterLeft();

        await flush.VisibleWritesDurableAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(flush.VisibleWritesDurableAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_reader_waits_for_the_writer_still_holding_the_gate()
    {
        var flush = MissingWal();
        flush.WriterEntered();

        var reading = flush.VisibleWritesDurableAsync();
        await Task.WhenAny(reading, Task.Delay(200));
        Assert.False(reading.IsCompleted);

        flush.WriterLeft();
        await reading.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static WalFlush MissingWal() => new(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db-wal"));
}
