using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Members;

// CLARIFICATIONS R22, R23, checklist 100-104.
public sealed class RemoveAndLeaveTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string NotAdmin = "only group admins can remove members";
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Remove_stores_the_group_info_and_the_commit_from_the_admin_then_removes_the_member()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        var before = await Spec.SendAsync(group, alice, [1]);

        await Spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest
        {
            UserId = bob.Id, CommitMessage = GroupSteps.Bytes(0xC0, 0x01), GroupInfo = GroupSteps.Bytes(0x61),
        }, alice.Token).OkAsync();

        Assert.DoesNotContain((await Spec.ListedAsync(group, alice)).Members, m => m.UserId == bob.Id);
        var commit = (await Spec.FetchAsync(group, alice)).Last();
        Assert.Equal((before + 1, alice.Id, GroupSteps.Bytes(0xC0, 0x01)), ((long)commit.SequenceNum, commit.SenderId, commit.MlsMessage));
        Assert.Equal(GroupSteps.Bytes(0x61), await GroupInfoAsync(group, alice));
    }

    [Fact]
    public async Task Remove_without_blobs_only_removes()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();

        Assert.Empty(await Spec.FetchAsync(group, alice));
        Assert.Equal(ByteString.CopyFrom(GroupSteps.SomeGroupInfo), await GroupInfoAsync(group, alice));
    }

    [Fact]
    public async Task An_admin_may_remove_themselves_leaving_no_admin()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest { UserId = alice.Id }, alice.Token).OkAsync();
        Assert.Equal(GroupRole.Member, Assert.Single((await Spec.ListedAsync(group, bob)).Members).Role);
    }

    [Fact]
    public async Task Remove_refuses_non_admins_before_looking_at_the_body()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        var stranger = await Spec.NewUserAsync("stranger");
        foreach (var (path, caller) in new[] { (group.Path("/remove"), bob), (group.Path("/remove"), stranger), ($"/api/v1/groups/{Guid.NewGuid()}/remove", alice) })
            await SpecClient.AssertErrorAsync(await Spec.PostAsync(path, new RemoveMemberRequest(), caller.Token),
                HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, NotAdmin);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    public async Task Remove_needs_a_16_byte_user_id(int length)
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        var response = await Spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest { UserId = ByteString.CopyFrom(new byte[length]) }, alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.BadRequest, ErrorCode.InputValidation, "invalid user_id");
    }

    [Fact]
    public async Task Remove_of_an_unknown_user_is_404_and_of_a_non_member_400_with_nothing_stored()
    {
        var (alice, _, group) = await GroupOfTwoAsync();
        var carol = await Spec.NewUserAsync("carol");
        var unknown = ByteString.CopyFrom(Guid.NewGuid().ToByteArray(bigEndian: true));

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest { UserId = unknown }, alice.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
        var notMember = new RemoveMemberRequest { UserId = carol.Id, CommitMessage = GroupSteps.Bytes(1), GroupInfo = GroupSteps.Bytes(2) };
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/remove"), notMember, alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "user is not a member of this group");
        Assert.Empty(await Spec.FetchAsync(group, alice));
        Assert.Equal(ByteString.CopyFrom(GroupSteps.SomeGroupInfo), await GroupInfoAsync(group, alice));
    }

    [Fact]
    public async Task Leave_stores_the_blobs_from_the_leaver_and_ends_the_membership()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/leave"), new LeaveGroupRequest { CommitMessage = GroupSteps.Bytes(7), GroupInfo = GroupSteps.Bytes(8) }, bob.Token).OkAsync();

        var commit = Assert.Single(await Spec.FetchAsync(group, alice));
        Assert.Equal((1UL, bob.Id, GroupSteps.Bytes(7)), (commit.SequenceNum, commit.SenderId, commit.MlsMessage));
        Assert.Equal(GroupSteps.Bytes(8), await GroupInfoAsync(group, alice));
        Assert.Single((await Spec.ListedAsync(group, alice)).Members);
    }

    [Fact]
    public async Task The_last_admin_may_leave_with_an_empty_body_and_without_content_type()
    {
        var (alice, bob, group) = await GroupOfTwoAsync();
        using var response = await Spec.SendAsync(HttpMethod.Post, group.Path("/leave"), token: alice.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GroupRole.Member, Assert.Single((await Spec.ListedAsync(group, bob)).Members).Role);
    }

    [Fact]
    public async Task Leave_is_for_members()
    {
        var (_, _, group) = await GroupOfTwoAsync();
        var stranger = await Spec.NewUserAsync("stranger");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/leave"), new LeaveGroupRequest(), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}/leave", new LeaveGroupRequest(), stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "not a member of this group");
    }

    private async Task<(TestUser Alice, TestUser Bob, TestGroup Group)> GroupOfTwoAsync()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        return (alice, bob, group);
    }

    private async Task<ByteString> GroupInfoAsync(TestGroup group, TestUser member) =>
        (await SpecClient.ReadAsync<GetGroupInfoResponse>(await Spec.GetAsync(group.Path("/group-info"), member.Token))).GroupInfo;
}
