using Conclave.Application.Administration;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Messages;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Conclave.Domain.Welcomes;
using Conclave.Infrastructure.Tests.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Persistence;

// The operator's views (admin users list, a user's sessions, groups list, stats) over real rows.
public sealed class AdministrationQueriesTests : IAsyncLifetime
{
    private const long Now = 1_000;
    private SqliteDatabase _database = null!;
    private readonly User _alice = User.Register("alice", "h", "Alice", 10), _bob = User.Register("bob", "h", "", 20),
        _zed = User.Register("Zed", "h", "", 30);
    private Group _alpha = null!, _beta = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        _alpha = Group.Create("alpha", "A", _alice.Id, 40);
        _alpha.AdmitInvitee(_bob.Id, 41);
        _beta = Group.Create("Beta", "", _bob.Id, 50);
        _beta.UpdateSettings(_bob.Id, "", "", null, (int)GroupVisibility.Public, -1);
        await using var db = _database.NewContext();
        db.Users.AddRange(_alice, _bob, _zed);
        db.Groups.AddRange(_alpha, _beta);
        db.Sessions.AddRange(new Session("a1", _alice.Id, Now - 5, Now + 1), new Session("a2", _alice.Id, Now - 9, Now), new Session("b1", _bob.Id, Now - 7, Now + 60));
        db.Messages.AddRange(new StoredMessage(_alpha.Id, 1, _alice.Id, [1], 0), new StoredMessage(_alpha.Id, 2, _bob.Id, [2], 0),
            new StoredMessage(_beta.Id, 1, _bob.Id, [3], 0));
        db.Invites.Add(Invite.Escrow(_alpha, _alice.Id, _zed.Id, alreadyInvited: false, [1], [1], [1], 0));
        db.Welcomes.Add(new Welcome(_zed.Id, _beta.Id, "", [1], 0));
        db.KeyPackages.AddRange(new KeyPackage(_zed.Id, [1], false, 0), new KeyPackage(_zed.Id, [2], true, 0));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Users_come_in_binary_order_with_their_groups_and_unexpired_sessions()
    {
        var users = await Queries(q => q.UsersAsync(Now, default));

        Assert.Equal(
        [
            new UserSummaryDto(_zed.Id, "Zed", "", 30, 0, 0),
            new UserSummaryDto(_alice.Id, "alice", "Alice", 10, 1, 1), // the session expiring now has expired
            new UserSummaryDto(_bob.Id, "bob", "", 20, 2, 1),
        ], users);
    }

    [Fact]
    public async Task Groups_come_in_binary_order_with_members_admins_and_stored_messages()
    {
        var groups = await Queries(q => q.GroupsAsync(default));

        Assert.Equal(
        [
            new GroupSummaryDto(_beta.Id, "Beta", "", GroupVisibility.Public, 1, 1, 1, 50),
            new GroupSummaryDto(_alpha.Id, "alpha", "A", GroupVisibility.Private, 2, 1, 2, 40),
        ], groups);
    }

    [Fact]
    public async Task Session_times_are_the_users_unexpired_sessions_with_their_creation_times()
    {
        Assert.Equal([(Now - 5, Now + 1)], await Queries(q => q.SessionTimesAsync("alice", Now, default)));
        Assert.Equal([(Now - 7, Now + 60)], await Queries(q => q.SessionTimesAsync("bob", Now, default)));
        Assert.Empty((await Queries(q => q.SessionTimesAsync("Zed", Now, default)))!);
        Assert.Null(await Queries(q => q.SessionTimesAsync("nobody", Now, default)));
    }

    [Fact]
    public async Task Stats_count_every_kind_of_row()
    {
        var stats = await Queries(q => q.StatsAsync(Now, default));

        Assert.Equal(new ServerStatsDto(Users: 3, ActiveSessions: 2, Groups: 2, PublicGroups: 1, Memberships: 3, Messages: 3,
            PendingInvites: 1, PendingWelcomes: 1, KeyPackages: 2), stats);
    }

    private async Task<T> Queries<T>(Func<IAdministrationQueries, Task<T>> query)
    {
        await using var scope = _database.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<IAdministrationQueries>());
    }
}
