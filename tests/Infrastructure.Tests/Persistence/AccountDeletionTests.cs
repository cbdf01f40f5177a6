using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Persistence.Repositories;
using Conclave.Infrastructure.Tests.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Tests.Persistence;

// CLARIFICATIONS C38 and checklist 62: deleting an account removes its messages in every group, its invites in both
// directions, its memberships, the bans against it and the bans it issued; groups and everyone else's rows remain.
public sealed class AccountDeletionTests : IAsyncLifetime
{
    private SqliteDatabase _database = null!;
    private readonly User _alice = User.Register("alice", "h", "", 0), _bob = User.Register("bob", "h", "", 0),
        _carol = User.Register("carol", "h", "", 0), _dave = User.Register("dave", "h", "", 0);

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Everything_of_the_user_goes_and_nothing_else()
    {
        var alicesGroup = Group.Create("alices", "", _alice.Id, 0);
        alicesGroup.AdmitInvitee(_bob.Id, 0);
        alicesGroup.Ban(_alice.Id, _carol.Id, 0);          // a ban alice issued
        var bobsGroup = Group.Create("bobs", "", _bob.Id, 0);
        bobsGroup.AdmitInvitee(_alice.Id, 0);
        bobsGroup.Ban(_bob.Id, _dave.Id, 0);
        var bansAlice = Group.Create("banning", "", _bob.Id, 0);
        bansAlice.Ban(_bob.Id, _alice.Id, 0);              // a ban against alice
        await using (var db = _database.NewContext())
        {
            db.Users.AddRange(_alice, _bob, _carol, _dave);
            db.Groups.AddRange(alicesGroup, bobsGroup, bansAlice);
            db.Messages.AddRange(
                new StoredMessage(alicesGroup.Id, 1, _alice.Id, [1], 0), new StoredMessage(alicesGroup.Id, 2, _bob.Id, [2], 0),
                new StoredMessage(bobsGroup.Id, 1, _alice.Id, [3], 0), new StoredMessage(bobsGroup.Id, 2, _bob.Id, [4], 0));
            db.Invites.AddRange(
                Invite.Escrow(alicesGroup, _alice.Id, _dave.Id, alreadyInvited: false, [1], [1], [1], 0),
                Invite.Escrow(bansAlice, _bob.Id, _carol.Id, alreadyInvited: false, [1], [1], [1], 0),
                Invite.Escrow(bobsGroup, _bob.Id, _carol.Id, alreadyInvited: false, [1], [1], [1], 0));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.NewContext())
        {
            var users = new UserRepository(db);
            await users.DeleteAsync((await users.GetAsync(_alice.Id, default))!, default);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        Assert.Equal(["alices", "banning", "bobs"], await check.Groups.OrderBy(g => g.Name).Select(g => g.Name).ToListAsync());
        var groups = await check.Groups.ToDictionaryAsync(g => g.Name);
        Assert.Equal([_bob.Id], groups["alices"].MemberIds());
        Assert.Equal([_bob.Id], groups["bobs"].MemberIds());
        Assert.Empty(groups["alices"].Bans);
        Assert.Empty(groups["banning"].Bans);
        Assert.Equal([_dave.Id], groups["bobs"].Bans.Select(b => b.UserId));
        Assert.Equal([[2], [4]], await check.Messages.OrderBy(m => m.Data).Select(m => m.Data).ToListAsync());
        Assert.Equal(2, await check.Invites.CountAsync(i => i.InviterId == _bob.Id));
        Assert.Equal(0, await check.Invites.CountAsync(i => i.InviterId == _alice.Id || i.InviteeId == _alice.Id));
    }
}
