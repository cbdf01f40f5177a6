using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Messages;

// CLARIFICATIONS R40, R41, §7.1-7.3, checklist 135-142.
public sealed class SendAndFetchTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Messages_are_numbered_from_one_and_fetched_in_order_with_sender_and_time()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        var started = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.Equal(1, await Spec.SendAsync(group, alice, [0xA1]));
        Assert.Equal(2, await Spec.SendAsync(group, bob, [0xB1]));
        Assert.Equal(3, await Spec.SendAsync(group, alice, [0xA2]));

        var messages = await Spec.FetchAsync(group, bob);
        Assert.Equal([1UL, 2UL, 3UL], messages.Select(m => m.SequenceNum));
        Assert.Equal([alice.Id, bob.Id, alice.Id], messages.Select(m => m.SenderId));
        Assert.Equal(GroupSteps.Bytes(0xB1), messages[1].MlsMessage);
        Assert.All(messages, m => Assert.InRange((long)m.CreatedAt, started - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task An_empty_message_is_stored_too()
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        using var response = await Spec.SendAsync(HttpMethod.Post, group.Path("/messages"), token: alice.Token);
        Assert.Equal(1UL, (await SpecClient.ReadAsync<SendMessageResponse>(response)).SequenceNum);
        Assert.Equal(ByteString.Empty, Assert.Single(await Spec.FetchAsync(group, alice)).MlsMessage);
    }

    [Theory]
    [InlineData("?after=2", new[] { 3, 4, 5 })]
    [InlineData("?after=-7", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("?limit=2", new[] { 1, 2 })]
    [InlineData("?after=1&limit=3", new[] { 2, 3, 4 })]
    [InlineData("?limit=0", new int[0])]
    [InlineData("?after=%2B3", new[] { 4, 5 })]
    [InlineData("?after=5", new int[0])]
    [InlineData("?unknown=x", new[] { 1, 2, 3, 4, 5 })]
    public async Task After_and_limit_select_the_window(string query, int[] expected)
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        for (var i = 0; i < 5; i++) await Spec.SendAsync(group, alice, [(byte)i]);

        Assert.Equal(expected.Select(n => (ulong)n), (await Spec.FetchAsync(group, alice, query)).Select(m => m.SequenceNum));
    }

    [Theory]
    [InlineData("?after=abc")]
    [InlineData("?limit=1.5")]
    [InlineData("?after=")]
    [InlineData("?limit=99999999999999999999")]
    public async Task An_unparsable_query_is_400_even_for_a_non_member(string query)
    {
        var (_, _, group) = await GroupOfTwoAsync();
        var stranger = await Spec.NewUserAsync("stranger");
        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path("/messages") + query, stranger.Token), HttpStatusCode.BadRequest, ErrorCode.InputBadRequest);
    }

    [Fact]
    public async Task Sending_and_fetching_are_for_members()
    {
        var (_, _, group) = await GroupOfTwoAsync();
        var stranger = await Spec.NewUserAsync("stranger");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/messages"), new SendMessageRequest(), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path("/messages"), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}/messages", new SendMessageRequest(), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
    }

    [Fact]
    public async Task A_joiner_reads_the_history_before_their_external_join()
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        await Spec.SendAsync(group, alice, [1]);
        var carol = await Spec.NewUserAsync("carol");
        await Spec.PostAsync(group.Path("/join"), token: carol.Token).OkAsync();
        Assert.Single(await Spec.FetchAsync(group, carol));
    }

    private async Task<(TestUser Alice, TestUser Bob, TestGroup Group)> GroupOfTwoAsync()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        return (alice, bob, group);
    }
}
