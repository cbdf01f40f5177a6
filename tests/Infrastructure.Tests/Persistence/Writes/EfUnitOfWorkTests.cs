using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Durability;
using Conclave.Infrastructure.Sqlite.Lookups;
using Conclave.Infrastructure.Tests.Persistence;
using Conclave.Infrastructure.Tests.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence.Writes;

// The unit of work on a real file: what a failure leaves behind (the gate, the publication order, the access cache),
// and which commits end the kept access look-ups.
public sealed class EfUnitOfWorkTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    private readonly SqliteDatabase _database = new();
    private readonly User _alice = User.Register("alice", "hash", "", 0);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.WithDbAsync(db =>
        {
            db.Users.Add(_alice);
            db.Sessions.Add(new Session("token", _alice.Id, 0, long.MaxValue));
            return db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private WriteGate Gate => _database.Services.GetRequiredService<WriteGate>();
    private AccessEpoch Epoch => _database.Services.GetRequiredService<AccessEpoch>();
    private PublicationOrder Order => _database.Services.GetRequiredService<PublicationOrder>();

    [Fact]
    public async Task A_commit_that_violates_a_constraint_rolls_back_and_leaves_nothing_held()
    {
        var epoch = Epoch.Current;
        await using (var scope = _database.Scope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await unitOfWork.BeginAsync(default);
            var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
            db.Users.Add(User.Register("bob", "hash", "", 0));
            db.Users.Add(User.Register("alice", "hash", "", 0)); // the username is taken

            await Assert.ThrowsAsync<DbUpdateException>(() => unitOfWork.CommitAsync(default));
            await unitOfWork.RollbackAsync();
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await AssertGateFreeAsync();
        // The failed commit's turn was given up: a later turn is not held behind it.
        using (var later = Order.Take()) await later.WaitAsync().WaitAsync(Soon);
        Assert.Equal(epoch, Epoch.Current);
        Assert.Equal(["alice"], await _database.WithDbAsync(db => db.Users.Select(u => u.Username).ToListAsync()));
    }

    [Fact]
    public async Task A_begin_that_fails_is_rolled_back_and_frees_the_gate()
    {
        await using var holder = new SqliteConnection($"Data Source={_database.FilePath}");
        await holder.OpenAsync();
        using (var locking = holder.CreateCommand())
        {
            locking.CommandText = "BEGIN IMMEDIATE;";
            await locking.ExecuteNonQueryAsync(); // another process's writer holds SQLite's write lock
        }
        await using (var scope = _database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            connection.DefaultTimeout = 1;
            using (var impatient = connection.CreateCommand())
            {
                impatient.CommandText = "PRAGMA busy_timeout = 0;";
                await impatient.ExecuteNonQueryAsync();
            }
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();

            var refused = await Assert.ThrowsAsync<SqliteException>(() => unitOfWork.BeginAsync(default));
            Assert.Equal(5, refused.SqliteErrorCode); // SQLITE_BUSY
            await unitOfWork.RollbackAsync();
            await AssertGateFreeAsync();
        }
    }

    [Fact]
    public async Task A_begin_cancelled_while_waiting_for_the_gate_holds_nothing()
    {
        await Gate.EnterAsync(default);
        using var cancel = new CancellationTokenSource();
        await using (var scope = _database.Scope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            var beginning = unitOfWork.BeginAsync(cancel.Token);
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => beginning);
            await unitOfWork.RollbackAsync(); // must not let go of the gate it never took
        }
        var next = Gate.EnterAsync(default);
        Assert.False(next.IsCompleted);
        Gate.Leave(WriteKind.None);
        await next.WaitAsync(Soon);
        Gate.Leave(WriteKind.None);
    }

    [Fact]
    public async Task A_scope_that_ends_without_commit_or_rollback_frees_the_gate_and_ends_kept_look_ups()
    {
        var epoch = Epoch.Current;
        await using (var scope = _database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().BeginAsync(default);
            scope.ServiceProvider.GetRequiredService<ConclaveDbContext>().Users.Add(User.Register("bob", "hash", "", 0));
        }
        await AssertGateFreeAsync();
        Assert.NotEqual(epoch, Epoch.Current); // what it wrote is not known
        Assert.Equal(1, await _database.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_commit_that_changes_no_session_or_membership_keeps_the_access_look_ups()
    {
        var epoch = Epoch.Current;
        await CommitAsync(db => db.Users.Single(u => u.Id == _alice.Id).ChangeAlias("Alice"));
        Assert.Equal(epoch, Epoch.Current);
    }

    [Fact]
    public async Task A_commit_that_adds_a_session_ends_the_access_look_ups()
    {
        var epoch = Epoch.Current;
        await CommitAsync(db => db.Sessions.Add(new Session("second", _alice.Id, 0, long.MaxValue)));
        Assert.NotEqual(epoch, Epoch.Current);
    }

    [Fact]
    public async Task A_commit_with_a_statement_the_change_tracker_does_not_see_ends_the_access_look_ups()
    {
        var epoch = Epoch.Current;
        await CommitAsync(db => db.Sessions.Where(s => s.UserId == _alice.Id).ExecuteDelete());
        Assert.NotEqual(epoch, Epoch.Current);
        Assert.Equal(0, await _database.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task A_statement_the_change_tracker_does_not_see_ends_the_look_ups_beside_a_content_change_too()
    {
        var epoch = Epoch.Current;
        await CommitAsync(db =>
        {
            db.Users.Single(u => u.Id == _alice.Id).ChangeAlias("Alice"); // a password reset: the user changes, its sessions go
            db.Sessions.Where(s => s.UserId == _alice.Id).ExecuteDelete();
        });
        Assert.NotEqual(epoch, Epoch.Current);
    }

    private async Task CommitAsync(Action<ConclaveDbContext> change)
    {
        await using var scope = _database.Scope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        await unitOfWork.BeginAsync(default);
        change(scope.ServiceProvider.GetRequiredService<ConclaveDbContext>());
        var committed = await unitOfWork.CommitAsync(default);
        committed.Turn.Dispose();
    }

    private async Task AssertGateFreeAsync()
    {
        await Gate.EnterAsync(default).WaitAsync(Soon);
        Gate.Leave(WriteKind.None);
    }
}
