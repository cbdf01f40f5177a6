using Conclave.Application.Common.Security;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Persistence.Queries;
using Conclave.Infrastructure.Persistence.Repositories;
using Conclave.Infrastructure.Tests.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence;

// Users and sessions on a real SQLite file: case-sensitive names (C21), the delete cascade (C38), sliding writes.
public sealed class UserPersistenceTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_name_is_taken_by_any_case_variant_while_lookups_stay_exact()
    {
        // Accounts that differ only in case can already exist (made before decision 13, or imported): both stay.
        await Save(User.Register("alice", "h", "", 0), User.Register("Alice", "h", "", 0));

        await using var db = _database.NewContext();
        var users = new UserRepository(db);
        Assert.True(await users.UsernameTakenAsync("alice", default));
        Assert.True(await users.UsernameTakenAsync("ALICE", default));
        Assert.False(await users.UsernameTakenAsync("alicia", default));
        Assert.Equal("Alice", (await users.GetByUsernameAsync("Alice", default))!.Username);
        Assert.Null(await new UserQueries(db).GetByUsernameAsync("ALICE", default));
    }

    [Fact]
    public async Task A_duplicate_username_is_refused_by_the_database()
    {
        await Save(User.Register("alice", "h", "", 0));

        await Assert.ThrowsAsync<DbUpdateException>(() => Save(User.Register("alice", "h", "", 0)));
    }

    [Fact]
    public async Task Deleting_a_user_removes_their_sessions_and_key_packages_and_nobody_elses()
    {
        var alice = User.Register("alice", "h", "", 0);
        var bob = User.Register("bob", "h", "", 0);
        await Save(alice, bob);
        await using (var db = _database.NewContext())
        {
            db.Sessions.AddRange(new Session("a1", alice.Id, 0, 10), new Session("a2", alice.Id, 0, 10), new Session("b1", bob.Id, 0, 10));
            db.KeyPackages.AddRange(new KeyPackage(alice.Id, [0, 1, 0, 5], false, 0), new KeyPackage(bob.Id, [0, 1, 0, 5], true, 0));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.NewContext())
        {
            var users = new UserRepository(db);
            await users.DeleteAsync((await users.GetAsync(alice.Id, default))!, default);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        Assert.False(await check.Users.AnyAsync(u => u.Id == alice.Id));
        Assert.Equal(["b1"], await check.Sessions.Select(s => s.TokenHash).ToListAsync());
        Assert.Equal([bob.Id], await check.KeyPackages.Select(k => k.UserId).ToListAsync());
    }

    [Fact]
    public async Task Sessions_slide_and_end_per_token_or_all_at_once()
    {
        var alice = User.Register("alice", "h", "", 0);
        await Save(alice);
        await using (var db = _database.NewContext())
        {
            db.Sessions.AddRange(new Session("a1", alice.Id, 0, 10), new Session("a2", alice.Id, 0, 10));
            await db.SaveChangesAsync();
        }

        await using (var scope = _database.Scope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ISessionStore>();
            await store.SlideAsync("a1", 500, default);
            Assert.Equal(new AuthenticatedSession(alice.Id, "a1", 500), await store.FindAsync("a1", default));
            Assert.Equal(10, (await store.FindAsync("a2", default))!.ExpiresAt);
            Assert.Null(await store.FindAsync("A1", default));
        }

        await using (var db = _database.NewContext())
        {
            await new SessionRepository(db).RemoveAllAsync(alice.Id, default);
            Assert.Empty(await db.Sessions.ToListAsync());
        }
    }

    private async Task Save(params User[] users)
    {
        await using var db = _database.NewContext();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
    }
}
