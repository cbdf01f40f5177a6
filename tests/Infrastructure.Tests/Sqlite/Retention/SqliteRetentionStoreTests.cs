using Conclave.Application.Retention;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Domain.Users;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Retention;

public sealed class SqliteRetentionStoreTests : IAsyncLifetime
{
    private const long Now = 1_000_000;
    private SqliteDatabase _database = null!;
    private readonly User _alice = User.Register("alice", "hash", "", 0), _bob = User.Register("bob", "hash", "", 0);

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.CreateAsync();
        await _database.WithDbAsync(db =>
        {
            db.Users.AddRange(_alice, _bob);
            return db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(-1, -1, new long[] { 1, 2, 3 })]   // kept forever
    [InlineData(-1, 250, new long[] { 2, 3 })]     // group expiry alone
    [InlineData(150, -1, new long[] { 3 })]        // server retention alone
    [InlineData(300, 150, new long[] { 3 })]       // min(S, N)
    [InlineData(100, 250, new long[] { 3 })]       // min(S, N), S smaller
    [InlineData(300, 0, new long[] { 1, 2, 3 })]   // delete-after-fetch only: no ageing
    public async Task Time_based_deletion_uses_the_effective_expiry(long server, long groupExpiry, long[] kept)
    {
        var group = await SeedGroupAsync(groupExpiry, createdAts: [Now - 400, Now - 200, Now - 50]);

        await Store(store => store.DeleteAgedMessagesAsync(Now, server, 1_000, default));

        Assert.Equal(kept, await SequencesAsync(group));
    }

    [Fact]
    public async Task Each_group_ages_by_its_own_effective_expiry_in_one_statement()
    {
        var byDefault = await SeedGroupAsync(-1, createdAts: [Now - 400, Now - 200, Now - 50]);
        var shorter = await SeedGroupAsync(100, createdAts: [Now - 400, Now - 200, Now - 50]);
        var longer = await SeedGroupAsync(300, createdAts: [Now - 400, Now - 200, Now - 50]);
        var fetched = await SeedGroupAsync(0, createdAts: [Now - 400, Now - 200, Now - 50]);

        Assert.Equal(4, await Store(store => store.DeleteAgedMessagesAsync(Now, 250, 1_000, default)));

        Assert.Equal([2, 3], await SequencesAsync(byDefault));   // server retention 250
        Assert.Equal([3], await SequencesAsync(shorter));        // its own 100
        Assert.Equal([2, 3], await SequencesAsync(longer));      // capped at 250
        Assert.Equal([1, 2, 3], await SequencesAsync(fetched));  // delete-after-fetch: no ageing
    }

    [Fact]
    public async Task Server_delete_after_fetch_ages_nothing() =>
        Assert.Equal(0, await Store(store => store.DeleteAgedMessagesAsync(Now, 0, 1_000, default)));

    [Fact]
    public async Task Fetched_messages_go_once_every_current_member_is_past_them()
    {
        var group = await SeedGroupAsync(0, createdAts: [Now, Now, Now, Now], members: [_bob.Id]);
        await WatermarkAsync(group, _alice.Id, 3);
        await WatermarkAsync(group, _bob.Id, 2);

        await Store(store => store.DeleteFetchedMessagesAsync(-1, 1_000, default));

        Assert.Equal([3, 4], await SequencesAsync(group));
    }

    [Fact]
    public async Task A_member_without_a_watermark_holds_everything_back()
    {
        var group = await SeedGroupAsync(0, createdAts: [Now, Now], members: [_bob.Id]);
        await WatermarkAsync(group, _alice.Id, 2);

        await Store(store => store.DeleteFetchedMessagesAsync(-1, 1_000, default));

        Assert.Equal([1, 2], await SequencesAsync(group));
    }

    [Fact]
    public async Task Server_retention_zero_makes_every_group_delete_after_fetch()
    {
        var group = await SeedGroupAsync(-1, createdAts: [Now, Now]);
        await WatermarkAsync(group, _alice.Id, 1);

        await Store(store => store.DeleteFetchedMessagesAsync(-1, 1_000, default));
        Assert.Equal([1, 2], await SequencesAsync(group));

        await Store(store => store.DeleteFetchedMessagesAsync(0, 1_000, default));
        Assert.Equal([2], await SequencesAsync(group));
    }

    [Fact]
    public async Task Deletes_at_most_one_batch_per_call()
    {
        var group = await SeedGroupAsync(60, createdAts: Enumerable.Repeat(Now - 100, 25).ToArray());

        Assert.Equal(10, await Store(store => store.DeleteAgedMessagesAsync(Now, -1, 10, default)));
        Assert.Equal(15, (await SequencesAsync(group)).Count);
    }

    [Fact]
    public async Task Expired_sessions_and_old_invites_are_deleted()
    {
        await _database.WithDbAsync(db =>
        {
            db.Sessions.Add(new Domain.Sessions.Session("expired", _alice.Id, 0, Now));
            db.Sessions.Add(new Domain.Sessions.Session("valid", _alice.Id, 0, Now + 1));
            return db.SaveChangesAsync();
        });

        Assert.Equal(1, await Store(store => store.DeleteExpiredSessionsAsync(Now, 1_000, default)));
        await _database.WithDbAsync(async db => Assert.Equal(["valid"], await db.Sessions.Select(s => s.TokenHash).ToListAsync()));
    }

    private async Task<GroupId> SeedGroupAsync(long expiry, long[] createdAts, UserId[]? members = null)
    {
        var group = Group.Create($"g{Guid.NewGuid():N}"[..12], "", _alice.Id, 0);
        foreach (var member in members ?? []) group.AdmitInvitee(member, 0);
        if (expiry != -1) group.UpdateSettings(_alice.Id, "", "", expiry, 0, serverRetention: -1);
        await _database.WithDbAsync(db =>
        {
            db.Groups.Add(group);
            var log = new MessageLog(group.Id, 0, group.MessageExpirySeconds, group.MemberIds());
            foreach (var createdAt in createdAts) log.Append(_alice.Id, [1], createdAt);
            db.Messages.AddRange(log.Appended);
            return db.SaveChangesAsync();
        });
        return group.Id;
    }

    private Task WatermarkAsync(GroupId group, UserId user, long sequence) => _database.WithDbAsync(db =>
    {
        db.FetchWatermarks.Add(new FetchWatermark(group, user, sequence));
        return db.SaveChangesAsync();
    });

    private async Task<List<long>> SequencesAsync(GroupId group)
    {
        await using var scope = _database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
        return await db.Messages.Where(m => m.GroupId == group).OrderBy(m => m.SequenceNum).Select(m => m.SequenceNum).ToListAsync();
    }

    private async Task<int> Store(Func<IRetentionStore, Task<int>> action)
    {
        await using var scope = _database.Scope();
        return await action(scope.ServiceProvider.GetRequiredService<IRetentionStore>());
    }
}
