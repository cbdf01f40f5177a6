using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Groups;

// CLARIFICATIONS R18, §6.6, checklist 115-116: the refusals in their order, then the join itself.
public sealed class JoinGroupTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Joining_adds_a_plain_member_returns_the_group_info_and_flags_the_external_join()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Visibility = GroupVisibility.Public }, alice.Token).OkAsync();
        await Spec.UploadGroupInfoAsync(group, alice, [9, 8, 7]);

        var response = await Spec.PostAsync(group.Path("/join"), token: bob.Token);

        Assert.Equal(ByteString.CopyFrom(9, 8, 7), (await SpecClient.ReadAsync<GetGroupInfoResponse>(response)).GroupInfo);
        Assert.Equal(GroupRole.Member, (await Spec.ListedAsync(group, bob)).Members.Single(m => m.UserId == bob.Id).Role);
        Assert.True(await Server.HasPendingJoinFlagAsync(group, bob));
    }

    [Fact]
    public async Task An_unknown_group_is_404_the_only_group_route_that_says_so()
    {
        var bob = await Spec.NewUserAsync("bob");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}/join", token: bob.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "group not found");
    }

    [Fact]
    public async Task A_private_group_is_not_public_even_without_group_info()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/join"), token: bob.Token),
            HttpStatusCode.Forbidden, ErrorCode.GroupNotPublic, "this group is not public");
    }

    [Fact]
    public async Task A_member_cannot_join_again()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.OpenAsync(group);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/join"), token: alice.Token),
            HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "already a member of this group");
    }

    [Fact]
    public async Task A_banned_user_is_refused()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.OpenAsync(group);
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/join"), token: bob.Token),
            HttpStatusCode.Forbidden, ErrorCode.GroupBanned, "you are banned from this group");
    }

    [Fact]
    public async Task A_pending_invitee_must_accept_instead_and_nothing_else_is_checked_after_that()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Visibility = GroupVisibility.Public }, alice.Token).OkAsync();
        await Spec.EscrowAsync(group, alice, bob); // no GroupInfo stored either

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/join"), token: bob.Token),
            HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "you have a pending invite for this group");
    }

    [Fact]
    public async Task A_public_group_without_group_info_cannot_be_joined_and_nothing_changes()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Visibility = GroupVisibility.Public }, alice.Token).OkAsync();

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/join"), token: bob.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "no group info available for this group");
        Assert.Single((await Spec.ListedAsync(group, alice)).Members);
    }

    [Fact]
    public async Task The_body_is_never_read()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.OpenAsync(group);
        using var response = await Spec.SendAsync(HttpMethod.Post, group.Path("/join"), token: bob.Token, rawBody: new byte[2 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
