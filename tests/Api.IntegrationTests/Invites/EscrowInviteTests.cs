using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Invites;

// CLARIFICATIONS R31 and checklist items 121-123.
public sealed class EscrowInviteTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Field_checks_come_before_the_admin_check_in_the_reference_order()
    {
        var alice = await Spec.NewUserAsync("alice");
        var stranger = await Spec.NewUserAsync("stranger");
        var group = await Spec.CreateGroupAsync(alice);
        var request = InviteSteps.Escrow(stranger);

        await Assert400(new EscrowInviteRequest(), ErrorCode.InputBadRequest, "invitee_id is required");
        await Assert400(new EscrowInviteRequest(request) { InviteeId = GroupSteps.Bytes(1, 2, 3), CommitMessage = ByteString.Empty },
            ErrorCode.InputValidation, "invalid invitee_id");
        await Assert400(new EscrowInviteRequest(request) { WelcomeMessage = ByteString.Empty },
            ErrorCode.InputBadRequest, "commit_message, welcome_message, and group_info are required");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/escrow-invite"), request, stranger.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, "only group admins can invite members");

        async Task Assert400(EscrowInviteRequest body, ErrorCode code, string message) =>
            await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/escrow-invite"), body, stranger.Token),
                HttpStatusCode.BadRequest, code, message);
    }

    [Fact]
    public async Task An_unknown_group_answers_like_a_non_admin()
    {
        var alice = await Spec.NewUserAsync("alice");
        var response = await Spec.PostAsync($"/api/v1/groups/{Guid.NewGuid()}/escrow-invite", InviteSteps.Escrow(alice), alice.Token);
        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin);
    }

    [Fact]
    public async Task Refusals_after_the_admin_check_in_order_unknown_member_banned_duplicate()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var carol = await Spec.NewUserAsync("carol");
        var group = await Spec.CreateGroupAsync(alice);
        var ghost = new TestUser(UuidBytesOf(Guid.NewGuid()), "ghost", "");

        await Expect(ghost, HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "user not found");
        await Expect(alice, HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "user is already a member of this group");
        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = carol.Id }, alice.Token).OkAsync();
        await Expect(carol, HttpStatusCode.Forbidden, ErrorCode.GroupBanned, "user is banned from this group");
        await Spec.EscrowAsync(group, alice, bob);
        await Expect(bob, HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "a pending invite already exists for this user and group");

        async Task Expect(TestUser invitee, HttpStatusCode status, ErrorCode code, string message) =>
            await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/escrow-invite"), InviteSteps.Escrow(invitee), alice.Token),
                status, code, message);
    }

    [Fact]
    public async Task Escrow_succeeds_with_an_empty_body_and_the_invite_is_listed_with_names_resolved()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice, alias: "Book Club");
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var response = await Spec.PostAsync(group.Path("/escrow-invite"), InviteSteps.Escrow(bob), alice.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var invite = await Spec.InviteForAsync(group, bob);
        Assert.Equal((group.Name, "Book Club", alice.Username), (invite.GroupName, invite.GroupAlias, invite.InviterUsername));
        Assert.Equal((bob.Id, alice.Id), (invite.InviteeId, invite.InviterId));
        Assert.InRange((long)invite.CreatedAt, before, before + 5);
        Assert.Equal(16, invite.InviteId.Length);
        Assert.Empty(await Spec.PendingInvitesAsync(alice));
    }

    [Fact]
    public async Task The_groups_invites_are_listed_to_admins_only()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.EscrowAsync(group, alice, bob);

        var listed = await SpecClient.ReadAsync<ListGroupPendingInvitesResponse>(await Spec.GetAsync(group.Path("/invites"), alice.Token));
        Assert.Equal(bob.Id, Assert.Single(listed.Invites).InviteeId);

        await SpecClient.AssertErrorAsync(await Spec.GetAsync(group.Path("/invites"), bob.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, "only group admins can list pending invites");
    }

    private static ByteString UuidBytesOf(Guid guid) => ByteString.CopyFrom(guid.ToByteArray(bigEndian: true));
}
