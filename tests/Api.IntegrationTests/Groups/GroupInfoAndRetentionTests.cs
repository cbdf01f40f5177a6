using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Groups;

// CLARIFICATIONS R17, R20, checklist 85, 93, 94.
public sealed class GroupInfoAndRetentionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Group_info_returns_the_latest_stored_blob()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.UploadGroupInfoAsync(group, alice, [1, 2, 3]);
        await Spec.UploadGroupInfoAsync(group, alice, [4, 5]);

        var response = await Spec.GetAsync(group.Path("/group-info"), alice.Token);
        Assert.Equal(ByteString.CopyFrom(4, 5), (await SpecClient.ReadAsync<GetGroupInfoResponse>(response)).GroupInfo);
    }

    [Fact]
    public async Task Group_info_is_404_when_nothing_is_stored()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path("/group-info"), alice.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "no group info available");
    }

    [Theory]
    [InlineData("/group-info")]
    [InlineData("/retention")]
    public async Task Non_members_and_unknown_groups_are_not_members(string route)
    {
        var alice = await Spec.NewUserAsync("alice");
        var stranger = await Spec.NewUserAsync("stranger");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.UploadGroupInfoAsync(group, alice);

        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path(route), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
        await SpecClient.AssertErrorAsync(await Spec.GetAsync($"/api/v1/groups/{Guid.NewGuid()}{route}", alice.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
    }

    [Fact]
    public async Task Retention_reports_the_server_default_and_the_group_value()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { MessageExpirySeconds = 0, UpdateMessageExpiry = true }, alice.Token).OkAsync();

        var policy = await SpecClient.ReadAsync<GetRetentionPolicyResponse>(await Spec.GetAsync(group.Path("/retention"), alice.Token));
        Assert.Equal((-1L, 0L), (policy.ServerRetentionSeconds, policy.GroupExpirySeconds));
    }

    [Theory]
    [InlineData("2s", 2)]
    [InlineData("1w", 604_800)]
    [InlineData("0", 0)]
    public async Task Retention_reports_the_parsed_server_value(string configured, long seconds)
    {
        await using var server = await TestServer.StartAsync(c => c with { MessageRetention = configured });
        var alice = await server.Spec.NewUserAsync("alice");
        var group = await server.Spec.CreateGroupAsync(alice);

        var policy = await SpecClient.ReadAsync<GetRetentionPolicyResponse>(await server.Spec.GetAsync(group.Path("/retention"), alice.Token));
        Assert.Equal((seconds, -1L), (policy.ServerRetentionSeconds, policy.GroupExpirySeconds));
    }
}
