using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Members;

// CLARIFICATIONS R27-R29, C27-C29, §6.5, checklist 109-114.
public sealed class BanTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Banning_a_member_removes_them_like_remove_and_lists_the_ban()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();

        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest
        {
            UserId = bob.Id, CommitMessage = GroupSteps.Bytes(0xB0), GroupInfo = GroupSteps.Bytes(0xB1),
        }, alice.Token).OkAsync();

        Assert.Single((await Spec.ListedAsync(group, alice)).Members);
        var commit = Assert.Single(await Spec.FetchAsync(group, alice));
        Assert.Equal((alice.Id, GroupSteps.Bytes(0xB0)), (commit.SenderId, commit.MlsMessage));
        var info = await SpecClient.ReadAsync<GetGroupInfoResponse>(await Spec.GetAsync(group.Path("/group-info"), alice.Token));
        Assert.Equal(GroupSteps.Bytes(0xB1), info.GroupInfo);
        var ban = Assert.Single(await BannedAsync(group, alice));
        Assert.Equal((bob.Id, bob.Username, "", alice.Id), (ban.UserId, ban.Username, ban.Alias, ban.BannedBy));
        Assert.InRange((long)ban.BannedAt, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
    }

    [Fact]
    public async Task A_non_member_can_be_banned_and_the_blobs_are_then_ignored()
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        var carol = await Spec.NewUserAsync("carol");

        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = carol.Id, CommitMessage = GroupSteps.Bytes(1), GroupInfo = GroupSteps.Bytes(2) }, alice.Token).OkAsync();

        Assert.Equal(carol.Id, Assert.Single(await BannedAsync(group, alice)).UserId);
        Assert.Empty(await Spec.FetchAsync(group, alice));
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/join"), token: carol.Token), HttpStatusCode.Forbidden, ErrorCode.GroupBanned);
    }

    [Fact]
    public async Task A_second_ban_is_a_conflict()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = bob.Id }, alice.Token),
            HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "user is already banned from this group");
    }

    [Fact]
    public async Task Banning_deletes_the_targets_pending_invite_to_the_group()
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        var carol = await Spec.NewUserAsync("carol");
        await Spec.EscrowAsync(group, alice, carol);

        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = carol.Id }, alice.Token).OkAsync();

        Assert.Equal(0, await Server.CountAsync("pending_invites", group));
    }

    [Fact]
    public async Task Unban_lifts_the_ban_without_re_adding_the_user()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();

        await Spec.PostAsync(group.Path("/unban"), new UnbanMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();

        Assert.Empty(await BannedAsync(group, alice));
        Assert.Single((await Spec.ListedAsync(group, alice)).Members);
        await Spec.PostAsync(group.Path("/join"), token: bob.Token).OkAsync();
    }

    [Fact]
    public async Task Unban_of_a_user_who_is_not_banned_is_refused()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/unban"), new UnbanMemberRequest { UserId = bob.Id }, alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "user is not banned from this group");
    }

    [Theory]
    [InlineData("/ban", "only group admins can ban members")]
    [InlineData("/unban", "only group admins can unban members")]
    public async Task Non_admins_are_refused_before_the_body_is_checked(string route, string message)
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path(route), new BanMemberRequest(), bob.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, message);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}{route}", new BanMemberRequest { UserId = bob.Id }, alice.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, message);
    }

    [Theory]
    [InlineData("/ban")]
    [InlineData("/unban")]
    public async Task The_target_must_be_a_16_byte_id_of_an_existing_user(string route)
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path(route), new BanMemberRequest { UserId = GroupSteps.Bytes(1, 2, 3) }, alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputValidation, "invalid user_id");
        var unknown = new BanMemberRequest { UserId = ByteString.CopyFrom(Guid.NewGuid().ToByteArray(bigEndian: true)) };
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path(route), unknown, alice.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
    }

    [Fact]
    public async Task The_ban_list_is_for_admins_and_oldest_first()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        var carol = await Spec.NewUserAsync("carol");
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = carol.Id }, alice.Token).OkAsync();
        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path("/banned"), bob.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, "only group admins can view the ban list");

        await Task.Delay(1100); // banned_at has a resolution of one second
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();

        Assert.Equal([carol.Id, bob.Id], (await BannedAsync(group, alice)).Select(b => b.UserId));
    }

    private async Task<(TestUser Alice, TestUser Bob, TestGroup Group)> GroupOfTwoAsync()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        return (alice, bob, group);
    }

    private async Task<List<BannedUser>> BannedAsync(TestGroup group, TestUser caller) =>
        [.. (await SpecClient.ReadAsync<ListBannedUsersResponse>(await Spec.GetAsync(group.Path("/banned"), caller.Token))).Users];
}
