using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Retention;

// The real server with a one-second cleanup: messages, sessions and invites disappear on schedule (spec retention/overview.md).
public sealed class RetentionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Server_retention_ages_out_messages_of_every_group()
    {
        await using var server = await TestServer.StartAsync(c => c with { MessageRetention = "2s", CleanupInterval = "1s" });
        var alice = await server.Spec.NewUserAsync("alice");
        var group = await server.Spec.CreateGroupAsync(alice);
        await server.Spec.SendAsync(group, alice, [1]);
        await server.Spec.SendAsync(group, alice, [2]);

        Assert.Equal(2, (await server.Spec.FetchAsync(group, alice)).Count);
        await Eventually.HoldsAsync(async () => (await server.Spec.FetchAsync(group, alice)).Count == 0, Patience, "messages older than 2 s deleted");
        Assert.Equal(3L, await server.Spec.SendAsync(group, alice, [3])); // numbers are never handed out twice (decision 1)
    }

    [Fact]
    public async Task A_group_expiry_ages_out_only_that_groups_messages()
    {
        await using var server = await TestServer.StartAsync(c => c with { CleanupInterval = "1s" });
        var alice = await server.Spec.NewUserAsync("alice");
        var quick = await server.Spec.CreateGroupAsync(alice);
        var slow = await server.Spec.CreateGroupAsync(alice);
        await server.Spec.PatchAsync(quick.Path(), new UpdateGroupRequest { UpdateMessageExpiry = true, MessageExpirySeconds = 1 }, alice.Token).OkAsync();
        await server.Spec.SendAsync(quick, alice, [1]);
        await server.Spec.SendAsync(slow, alice, [1]);

        await Eventually.HoldsAsync(async () => (await server.Spec.FetchAsync(quick, alice)).Count == 0, Patience, "the 1 s group's message deleted");
        Assert.Single(await server.Spec.FetchAsync(slow, alice));
    }

    [Fact]
    public async Task Delete_after_fetch_waits_for_every_current_member_of_three()
    {
        await using var server = await TestServer.StartAsync(c => c with { CleanupInterval = "1s" });
        var (alice, bob, carol) = (await server.Spec.NewUserAsync("alice"), await server.Spec.NewUserAsync("bob"), await server.Spec.NewUserAsync("carol"));
        var group = await server.Spec.WithMembersAsync(await server.Spec.CreateGroupAsync(alice), bob, carol);
        await server.Spec.PatchAsync(group.Path(), new UpdateGroupRequest { UpdateMessageExpiry = true, MessageExpirySeconds = 0 }, alice.Token).OkAsync();
        await server.Spec.SendAsync(group, alice, [1]); // the sender has seen it
        await server.Spec.FetchAsync(group, bob);

        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two cleanup runs: carol has not fetched, nothing may go
        Assert.Single(await server.Spec.FetchAsync(group, carol));

        await Eventually.HoldsAsync(async () => await server.CountAsync("messages", group) == 0, Patience, "message deleted once all three fetched");
    }

    [Fact]
    public async Task A_member_who_leaves_no_longer_holds_messages_back()
    {
        await using var server = await TestServer.StartAsync(c => c with { MessageRetention = "0", CleanupInterval = "1s" });
        var (alice, bob) = (await server.Spec.NewUserAsync("alice"), await server.Spec.NewUserAsync("bob"));
        var group = await server.Spec.WithMembersAsync(await server.Spec.CreateGroupAsync(alice), bob);
        await server.Spec.SendAsync(group, alice, [1]);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, await server.CountAsync("messages", group)); // server "0": every group is delete-after-fetch, bob holds it
        await server.Spec.PostAsync(group.Path("/leave"), new LeaveGroupRequest(), bob.Token).OkAsync();

        await Eventually.HoldsAsync(async () => await server.CountAsync("messages", group) == 0, Patience, "message deleted after bob left");
    }

    [Fact]
    public async Task Expired_sessions_and_invites_are_deleted()
    {
        await using var server = await TestServer.StartAsync(c => c with { CleanupInterval = "1s", TokenTtlSeconds = 3, InviteTtlSeconds = 1 });
        var bob = await server.Spec.NewUserAsync("bob"); // its session expires too, unused
        var alice = await server.Spec.RegisterAsync("alice");
        var login = await server.Spec.LoginAsync("alice"); // last, so that its few uses below come well within the TTL
        var owner = new TestUser(alice, "alice", login.Token);
        var group = await server.Spec.CreateGroupAsync(owner);
        await server.Spec.EscrowAsync(group, owner, bob);

        await Eventually.HoldsAsync(async () => await server.ScalarAsync("SELECT count(*) FROM sessions") == 0, Patience, "expired sessions deleted");
        await Eventually.HoldsAsync(async () => await server.CountAsync("pending_invites", group) == 0, Patience, "expired invite deleted");
    }
}
