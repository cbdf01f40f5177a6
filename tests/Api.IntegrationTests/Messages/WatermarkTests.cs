using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Messages;

// CLARIFICATIONS R40, R41, §7.4 and decision 5: watermarks are kept (max of old and new) on send and on a non-empty
// fetch while the group's effective expiry is 0 — its own expiry is 0, or the server's retention is "0".
public sealed class WatermarkTests
{
    [Fact]
    public async Task A_delete_after_fetch_group_records_sends_and_non_empty_fetches_and_never_lowers_them()
    {
        await using var server = await TestServer.StartAsync();
        var (alice, bob, group) = await GroupOfTwoAsync(server);
        await server.Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = 0, UpdateMessageExpiry = true }, alice.Token).OkAsync();

        for (var i = 0; i < 3; i++) await server.Spec.SendAsync(group, alice, [1]);
        Assert.Equal(3, await server.WatermarkAsync(group, alice));
        Assert.Null(await server.WatermarkAsync(group, bob));

        await server.Spec.FetchAsync(group, bob, "?limit=2");
        Assert.Equal(2, await server.WatermarkAsync(group, bob));
        await server.Spec.FetchAsync(group, bob, "?after=3");   // nothing returned: no change
        await server.Spec.FetchAsync(group, bob, "?limit=1");   // lower: no change
        Assert.Equal(2, await server.WatermarkAsync(group, bob));
    }

    [Fact]
    public async Task Groups_that_keep_messages_record_nothing()
    {
        await using var server = await TestServer.StartAsync(c => c with { MessageRetention = "1h" });
        var (alice, bob, group) = await GroupOfTwoAsync(server);
        await server.Spec.SendAsync(group, alice, [1]);
        await server.Spec.FetchAsync(group, bob);
        Assert.Equal(0, await server.CountAsync("message_fetch_watermarks", group));
    }

    [Fact]
    public async Task A_server_retention_of_zero_makes_every_group_delete_after_fetch() // decision 5; the reference ignores it (C44)
    {
        await using var server = await TestServer.StartAsync(c => c with { MessageRetention = "0" });
        var (alice, bob, group) = await GroupOfTwoAsync(server);   // the group's own expiry stays -1

        await server.Spec.SendAsync(group, alice, [1]);
        await server.Spec.SendAsync(group, alice, [2]);
        await server.Spec.FetchAsync(group, bob);

        Assert.Equal((2L, 2L), (await server.WatermarkAsync(group, alice), await server.WatermarkAsync(group, bob)));
    }

    private static async Task<(TestUser Alice, TestUser Bob, TestGroup Group)> GroupOfTwoAsync(TestServer server)
    {
        var alice = await server.Spec.NewUserAsync("alice");
        var bob = await server.Spec.NewUserAsync("bob");
        var group = await server.Spec.WithMembersAsync(await server.Spec.CreateGroupAsync(alice), bob);
        return (alice, bob, group);
    }
}
