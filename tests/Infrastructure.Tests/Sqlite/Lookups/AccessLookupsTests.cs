using Conclave.Application.Accounts.Commands.Logout;
using Conclave.Application.Common.Security;
using Conclave.Application.Messages.Commands.SendMessage;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Security;
using Conclave.Infrastructure.Sqlite.Lookups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Lookups;

// The session and group-role look-ups every request makes (prepared statements on kept connections, their answers
// kept until a write may have changed them), on a real file and through the composed services. A write through this
// process's write gate counts from its commit on; a write by another process (here: a context of its own, outside the
// gate) counts once that process announces it through the marker file (AccessEpoch), as every writer does.
public sealed class AccessLookupsTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;
    private readonly User _alice = User.Register("alice", "h", "", 0), _bob = User.Register("bob", "h", "", 0),
        _carol = User.Register("carol", "h", "", 0);

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        await _database.WithDbAsync(db =>
        {
            db.Users.AddRange(_alice, _bob, _carol);
            return db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_session_is_found_by_its_token_hash_exactly()
    {
        await AddSessionsAsync(new Session("hash-a", _alice.Id, 0, 1_000), new Session("hash-b", _bob.Id, 0, 2_000));

        Assert.Equal(new AuthenticatedSession(_alice.Id, "hash-a", 1_000), await FindSessionAsync("hash-a"));
        Assert.Equal(new AuthenticatedSession(_bob.Id, "hash-b", 2_000), await FindSessionAsync("hash-b"));
        Assert.Null(await FindSessionAsync("HASH-A"));
        Assert.Null(await FindSessionAsync("missing"));
    }

    [Fact]
    public async Task A_slide_and_a_logout_through_the_write_gate_show_in_the_next_look_up()
    {
        await AddSessionsAsync(new Session("hash-a", _alice.Id, 0, 1_000));
        Assert.NotNull(await FindSessionAsync("hash-a"));

        await using (var scope = _database.Scope())
            await scope.ServiceProvider.GetRequiredService<ISessionStore>().SlideAsync("hash-a", 5_000, default);
        Assert.Equal(5_000, (await FindSessionAsync("hash-a"))!.ExpiresAt);

        await _database.SendAsync(new LogoutCommand("hash-a"));
        Assert.Null(await FindSessionAsync("hash-a"));
    }

    [Fact]
    public async Task Another_processs_logout_and_user_deletion_count_once_announced()
    {
        await AddSessionsAsync(new Session("hash-a", _alice.Id, 0, 1_000), new Session("hash-b", _bob.Id, 0, 1_000));
        Assert.NotNull(await FindSessionAsync("hash-a"));
        Assert.NotNull(await FindSessionAsync("hash-b"));

        await _database.WithDbAsync(db => db.Sessions.Where(s => s.TokenHash == "hash-a").ExecuteDeleteAsync());
        await _database.WithDbAsync(db => db.Users.Where(u => u.Id == _bob.Id).ExecuteDeleteAsync());
        Assert.NotNull(await FindSessionAsync("hash-a")); // kept: nothing announced the writes yet

        AnnounceAsAnotherProcess();
        Assert.Null(await FindSessionAsync("hash-a"));
        Assert.Null(await FindSessionAsync("hash-b"));
    }

    [Fact]
    public async Task Message_batches_keep_what_was_read_and_any_other_write_ends_it()
    {
        var group = Group.Create("team", "", _alice.Id, 0);
        await AddGroupsAsync(group);
        await AddSessionsAsync(new Session("hash-a", _alice.Id, 0, long.MaxValue), new Session("hash-c", _carol.Id, 0, 1_000));
        Assert.NotNull(await FindSessionAsync("hash-c"));
        await _database.WithDbAsync(db => db.Sessions.Where(s => s.TokenHash == "hash-c").ExecuteDeleteAsync());

        await _database.SendAsync(new SendMessageCommand(group.Id, _alice.Id, [1, 2, 3]));
        Assert.NotNull(await FindSessionAsync("hash-c")); // the batch wrote messages only

        await _database.SendAsync(new LogoutCommand("hash-a"));
        Assert.Null(await FindSessionAsync("hash-c"));
    }

    [Fact]
    public async Task An_expired_session_is_found_but_does_not_authenticate()
    {
        var tokens = new SessionTokens();
        var live = tokens.NewToken();
        var expired = tokens.NewToken();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await AddSessionsAsync(new Session(tokens.Hash(live), _alice.Id, 0, now + 3_600), new Session(tokens.Hash(expired), _alice.Id, 0, now - 1));

        Assert.Equal(now - 1, (await FindSessionAsync(tokens.Hash(expired)))!.ExpiresAt);
        await using var scope = _database.Scope();
        var authenticator = scope.ServiceProvider.GetRequiredService<SessionAuthenticator>();
        Assert.Equal(_alice.Id, (await authenticator.AuthenticateAsync(live, default))!.UserId);
        Assert.Null(await authenticator.AuthenticateAsync(expired, default));
        Assert.Null(await authenticator.AuthenticateAsync(tokens.NewToken(), default));
    }

    [Fact]
    public async Task A_role_is_the_members_current_one_and_null_for_non_members()
    {
        var group = Group.Create("team", "", _alice.Id, 0);
        group.AdmitInvitee(_bob.Id, 0);
        var other = Group.Create("other", "", _carol.Id, 0);
        await AddGroupsAsync(group, other);

        Assert.Equal(GroupRole.Admin, await RoleOfAsync(group.Id, _alice.Id));
        Assert.Equal(GroupRole.Member, await RoleOfAsync(group.Id, _bob.Id));
        Assert.Null(await RoleOfAsync(group.Id, _carol.Id));
        Assert.Null(await RoleOfAsync(GroupId.New(), _alice.Id));

        await UpdateGroupAsync(group.Id, g => g.Promote(_alice.Id, _bob.Id));
        AnnounceAsAnotherProcess();
        Assert.Equal(GroupRole.Admin, await RoleOfAsync(group.Id, _bob.Id));
        await UpdateGroupAsync(group.Id, g => g.Remove(_alice.Id, _bob.Id));
        AnnounceAsAnotherProcess();
        Assert.Null(await RoleOfAsync(group.Id, _bob.Id));
        Assert.Equal(GroupRole.Admin, await RoleOfAsync(other.Id, _carol.Id));
    }

    [Fact]
    public async Task A_deleted_group_has_no_members()
    {
        var group = Group.Create("team", "", _alice.Id, 0);
        await AddGroupsAsync(group);
        Assert.Equal(GroupRole.Admin, await RoleOfAsync(group.Id, _alice.Id));

        await _database.WithDbAsync(db => db.Groups.Where(g => g.Id == group.Id).ExecuteDeleteAsync());
        AnnounceAsAnotherProcess();

        Assert.Null(await RoleOfAsync(group.Id, _alice.Id));
    }

    // A connection opened for a look-up prepares its statements, which reads the schema: that waits for a lock like
    // any read (on a server, the checkpoint of the last connection, closed by the idle trim) instead of failing the
    // request. Here another connection holds the lock, in rollback-journal mode, where a write lock keeps readers out.
    [Fact]
    public async Task A_new_look_up_connection_waits_for_a_lock_instead_of_failing()
    {
        await AddSessionsAsync(new Session("hash-a", _alice.Id, 0, 1_000));
        foreach (var kept in _database.Services.GetServices<IReleasableWhenIdle>()) kept.ReleaseIdle();
        await using var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath, Pooling = false }.ToString());
        await holder.OpenAsync();
        await using (var exclusive = holder.CreateCommand())
        {
            exclusive.CommandText = "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE;";
            Assert.Equal("delete", await exclusive.ExecuteScalarAsync());
        }

        var lookUp = Task.Run(() => FindSessionAsync("hash-a"));
        await Task.Delay(300);
        Assert.False(lookUp.IsCompleted, lookUp.Exception?.ToString());
        await holder.CloseAsync();

        Assert.Equal(_alice.Id, (await lookUp)!.UserId);
    }

    [Fact]
    public async Task Concurrent_look_ups_each_get_their_own_answer()
    {
        var sessions = Enumerable.Range(0, 50).Select(i => new Session($"hash-{i}", i % 2 == 0 ? _alice.Id : _bob.Id, 0, i)).ToArray();
        await AddSessionsAsync(sessions);

        var found = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => FindSessionAsync($"hash-{i % 50}"))));

        for (var i = 0; i < found.Length; i++)
            Assert.Equal(new AuthenticatedSession(sessions[i % 50].UserId, $"hash-{i % 50}", i % 50), found[i]);
    }

    private Task AddSessionsAsync(params Session[] sessions) => _database.WithDbAsync(db =>
    {
        db.Sessions.AddRange(sessions);
        return db.SaveChangesAsync();
    });

    private Task AddGroupsAsync(params Group[] groups) => _database.WithDbAsync(db =>
    {
        db.Groups.AddRange(groups);
        return db.SaveChangesAsync();
    });

    private Task UpdateGroupAsync(GroupId id, Action<Group> change) => _database.WithDbAsync(async db =>
    {
        change(await db.Groups.SingleAsync(g => g.Id == id));
        await db.SaveChangesAsync();
    });

    // What an admin command does after its commit: another epoch on the same file advances.
    private void AnnounceAsAnotherProcess()
    {
        using var otherProcess = new AccessEpoch(_database.FilePath);
        otherProcess.Advance();
    }

    // Through the composition's interfaces, each in a scope of its own like one request.
    private async Task<AuthenticatedSession?> FindSessionAsync(string tokenHash)
    {
        await using var scope = _database.Scope();
        return await scope.ServiceProvider.GetRequiredService<ISessionStore>().FindAsync(tokenHash, default);
    }

    private async Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId)
    {
        await using var scope = _database.Scope();
        return await scope.ServiceProvider.GetRequiredService<IGroupAccess>().RoleOfAsync(groupId, userId, default);
    }
}
