using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Invites;

// CLARIFICATIONS R35, R36, R34 and checklist items 124-131.
public sealed class AcceptInviteTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;
    private SpecClient Spec => Server.Spec;

    [Fact]
    public async Task Acceptance_adds_the_member_welcome_commit_and_group_info_in_one_go()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice, alias: "Team");
        await Spec.SendAsync(group, alice, [1]);
        await Spec.EscrowAsync(group, alice, bob);
        var invite = await Spec.InviteForAsync(group, bob);

        using var response = await Spec.PostAsync(InviteSteps.InvitePath(invite, "accept"), token: bob.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var listed = await Spec.ListedAsync(group, bob);
        Assert.Equal(GroupRole.Member, listed.Members.Single(m => m.UserId == bob.Id).Role);
        var welcome = Assert.Single(await Spec.WelcomesAsync(bob));
        Assert.Equal((group.Id, "Team"), (welcome.GroupId, welcome.GroupAlias));
        Assert.Equal(InviteSteps.WelcomeBlob, welcome.WelcomeMessage.ToByteArray());
        var commit = (await Spec.FetchAsync(group, bob, "?after=1")).Single();
        Assert.Equal((2UL, alice.Id), (commit.SequenceNum, commit.SenderId));
        Assert.Equal(InviteSteps.Commit, commit.MlsMessage.ToByteArray());
        var info = await SpecClient.ReadAsync<GetGroupInfoResponse>(await Spec.GetAsync(group.Path("/group-info"), bob.Token));
        Assert.Equal(InviteSteps.InviteGroupInfo, info.GroupInfo.ToByteArray());
        Assert.Empty(await Spec.PendingInvitesAsync(bob));
    }

    [Fact]
    public async Task Unknown_invite_is_not_found_and_someone_elses_is_not_yours()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.EscrowAsync(group, alice, bob);
        var invite = await Spec.InviteForAsync(group, bob);

        foreach (var action in new[] { "accept", "decline" })
        {
            await SpecClient.AssertErrorAsync(await Spec.PostAsync($"/api/v1/invites/{Guid.NewGuid()}/{action}", token: bob.Token),
                HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "invite not found");
            await SpecClient.AssertErrorAsync(await Spec.PostAsync(InviteSteps.InvitePath(invite, action), token: alice.Token),
                HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "this invite does not belong to you");
        }
        await SpecClient.AssertErrorAsync(await Spec.PostAsync("/api/v1/invites/not-a-uuid/accept", token: bob.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputBadRequest);
        Assert.Single(await Spec.PendingInvitesAsync(bob));
    }

    [Fact]
    public async Task An_invitee_who_joined_meanwhile_gets_409_and_the_invite_stays()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.EscrowAsync(group, alice, bob);
        var invite = await Spec.InviteForAsync(group, bob);
        await Spec.OpenAsync(group);
        await Server.WriteAsAnotherProcessAsync("INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES ($g, $u, 1, 0)",
            ("$g", group.Id.ToByteArray()), ("$u", bob.Id.ToByteArray())); // only a race reaches this state through the API

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(InviteSteps.InvitePath(invite, "accept"), token: bob.Token),
            HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "user is already a member of this group");
        Assert.Single(await Spec.PendingInvitesAsync(bob));
        Assert.Empty(await Spec.WelcomesAsync(bob));
    }

    [Fact]
    public async Task Decline_removes_the_invite()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.EscrowAsync(group, alice, bob);
        var invite = await Spec.InviteForAsync(group, bob);

        await Spec.PostAsync(InviteSteps.InvitePath(invite, "decline"), token: bob.Token).OkAsync();

        Assert.Empty(await Spec.PendingInvitesAsync(bob));
        Assert.DoesNotContain((await Spec.ListedAsync(group, alice)).Members, m => m.UserId == bob.Id);
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(InviteSteps.InvitePath(invite, "accept"), token: bob.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "invite not found");
    }

    [Fact]
    public async Task Cancel_is_admin_only_checks_the_id_after_and_finds_only_pending_invites()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var group = await Spec.CreateGroupAsync(alice);
        await Spec.EscrowAsync(group, alice, bob);

        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/cancel-invite"), new CancelInviteRequest(), bob.Token),
            HttpStatusCode.Unauthorized, ErrorCode.GroupNotAdmin, "only group admins can cancel invites");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/cancel-invite"), new CancelInviteRequest(), alice.Token),
            HttpStatusCode.BadRequest, ErrorCode.InputValidation, "invalid invitee_id");
        await SpecClient.AssertErrorAsync(await Spec.PostAsync(group.Path("/cancel-invite"), new CancelInviteRequest { InviteeId = alice.Id }, alice.Token),
            HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "pending invite not found");

        await Spec.PostAsync(group.Path("/cancel-invite"), new CancelInviteRequest { InviteeId = bob.Id }, alice.Token).OkAsync();
        Assert.Empty(await Spec.PendingInvitesAsync(bob));
    }
}
