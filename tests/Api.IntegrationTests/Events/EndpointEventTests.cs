using Conclave.Api.IntegrationTests.Support;
using Conclave.ApiReference;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Events;

// CLARIFICATIONS §3.1 through the real endpoints: each event reaches exactly its recipients, checked on open
// streams; the others get nothing within a grace period.
public sealed class EndpointEventTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(600);
    private TestServer Server => fixture.Server;
    private SpecClient Spec => Server.Spec;

    [Fact]
    public async Task Profile_and_group_settings_go_to_every_member_caller_included()
    {
        var (alice, bob, outsider, group) = await GroupOfTwoAsync();
        await using var streams = await Streams.OpenAsync(Server, alice, bob, outsider);

        await Spec.SendAsync(HttpMethod.Patch, "/api/v1/me", new UpdateProfileRequest { Alias = "Bob" }, bob.Token).OkAsync();
        await streams.ExpectAsync("PATCH /api/v1/me", [alice, bob], e => IsUpdate(e, group, GroupUpdateType.GroupSettings));

        await Spec.PatchAsync(group.Path(), new UpdateGroupRequest { Alias = "New" }, alice.Token).OkAsync();
        await streams.ExpectAsync("PATCH /api/v1/groups/{group_id}", [alice, bob], e => IsUpdate(e, group, GroupUpdateType.GroupSettings));

        await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/promote", [alice, bob], e => IsUpdate(e, group, GroupUpdateType.RoleChange));
        await streams.ExpectNothingAsync(Grace, outsider);
    }

    [Fact]
    public async Task Messages_and_commits_go_to_the_others_only()
    {
        var (alice, bob, outsider, group) = await GroupOfTwoAsync();
        await using var streams = await Streams.OpenAsync(Server, alice, bob, outsider);

        var sequence = await Spec.SendAsync(group, alice, [7]);
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/messages", [bob], e => e.NewMessage is { } m && m.GroupId == group.Id && (long)m.SequenceNum == sequence && m.SenderId == alice.Id);

        await Spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { CommitMessage = GroupSteps.Bytes(1) }, bob.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/commit", [alice], e => IsUpdate(e, group, GroupUpdateType.Commit));
        await streams.ExpectNothingAsync(Grace, alice, bob, outsider);
    }

    [Fact]
    public async Task The_invite_workflow_tells_invitee_inviter_and_members()
    {
        var (alice, bob, _, group) = await GroupOfTwoAsync();
        var carol = await Spec.NewUserAsync("carol");
        await using var streams = await Streams.OpenAsync(Server, alice, bob, carol);

        await Spec.EscrowAsync(group, alice, carol);
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/escrow-invite", [carol], e => e.InviteReceived is { } r && r.GroupId == group.Id && r.InviterId == alice.Id && r.GroupName == group.Name);
        await streams.ExpectNothingAsync(Grace, alice, bob);

        await Spec.PostAsync(InviteSteps.InvitePath(await Spec.InviteForAsync(group, carol), "accept"), token: carol.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/invites/{invite_id}/accept", [carol], e => e.Welcome is { } w && w.GroupId == group.Id);
        await streams.ExpectAsync("POST /api/v1/invites/{invite_id}/accept", [alice, bob], e => IsUpdate(e, group, GroupUpdateType.Commit));
        await streams.ExpectNothingAsync(Grace, carol);
    }

    [Fact]
    public async Task Decline_tells_the_inviter_and_cancel_tells_both()
    {
        var (alice, bob, carol, group) = await GroupOfTwoAsync();
        await using var streams = await Streams.OpenAsync(Server, alice, bob, carol);

        await Spec.EscrowAsync(group, alice, carol);
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/escrow-invite", [carol], e => e.InviteReceived is not null);
        await Spec.PostAsync(InviteSteps.InvitePath(await Spec.InviteForAsync(group, carol), "decline"), token: carol.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/invites/{invite_id}/decline", [alice], e => e.InviteDeclined is { } d && d.GroupId == group.Id && d.DeclinedUserId == carol.Id);
        await streams.ExpectNothingAsync(Grace, bob, carol);

        await Spec.EscrowAsync(group, alice, carol);
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/escrow-invite", [carol], e => e.InviteReceived is not null);
        await Spec.PostAsync(group.Path("/promote"), new PromoteMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/promote", [alice, bob], e => IsUpdate(e, group, GroupUpdateType.RoleChange));
        await Spec.PostAsync(group.Path("/cancel-invite"), new CancelInviteRequest { InviteeId = carol.Id }, bob.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/cancel-invite", [carol], e => e.InviteCancelled is { } c && c.GroupId == group.Id);
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/cancel-invite", [alice], e => e.InviteDeclined is { } d && d.DeclinedUserId == carol.Id); // the original inviter
        await streams.ExpectNothingAsync(Grace, bob);
    }

    [Fact]
    public async Task Removal_and_ban_tell_the_target_leave_does_not_tell_the_leaver()
    {
        var (alice, bob, carol, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/join"), token: carol.Token).OkAsync();
        var dave = await Spec.NewUserAsync("dave");
        await Spec.PostAsync(group.Path("/join"), token: dave.Token).OkAsync();
        await using var streams = await Streams.OpenAsync(Server, alice, bob, carol, dave);

        await Spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest { UserId = bob.Id }, alice.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/remove", [alice, bob, carol, dave], e => IsRemoved(e, group, bob));

        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = carol.Id }, alice.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/ban", [alice, carol, dave], e => IsRemoved(e, group, carol));
        await streams.ExpectNothingAsync(Grace, bob);

        await Spec.PostAsync(group.Path("/ban"), new BanMemberRequest { UserId = bob.Id }, alice.Token).OkAsync(); // no longer a member
        await Spec.PostAsync(group.Path("/leave"), new LeaveGroupRequest(), dave.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/leave", [alice], e => IsRemoved(e, group, dave));
        await streams.ExpectNothingAsync(Grace, alice, bob, carol, dave);
    }

    [Fact]
    public async Task External_joins_announce_a_joiner_to_all_and_a_reset_to_the_others()
    {
        var (alice, bob, carol, group) = await GroupOfTwoAsync();
        await Spec.PostAsync(group.Path("/external-join"), new ExternalJoinRequest(), bob.Token).OkAsync(); // bob's own join is done
        await Spec.PostAsync(group.Path("/join"), token: carol.Token).OkAsync();
        await using var streams = await Streams.OpenAsync(Server, alice, bob, carol);
        var commit = new ExternalJoinRequest { CommitMessage = GroupSteps.Bytes(5) };

        await Spec.PostAsync(group.Path("/external-join"), commit, carol.Token).OkAsync(); // the public-room joiner
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/external-join", [alice, bob, carol], e => IsUpdate(e, group, GroupUpdateType.Commit));

        await Spec.PostAsync(group.Path("/external-join"), commit, bob.Token).OkAsync(); // a rejoin after reset
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/external-join", [alice, carol], e => e.IdentityReset is { } r && r.GroupId == group.Id && r.UserId == bob.Id);
        await streams.ExpectNothingAsync(Grace, bob);
    }

    [Fact]
    public async Task Group_deletion_tells_everyone_and_account_deletion_the_remaining()
    {
        var (alice, bob, carol, group) = await GroupOfTwoAsync();
        var second = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(carol), bob);
        await using var streams = await Streams.OpenAsync(Server, alice, bob, carol);

        await Spec.PostAsync("/api/v1/delete-account", new DeleteAccountRequest { Password = "password123" }, bob.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/delete-account", [alice], e => IsRemoved(e, group, bob));
        await streams.ExpectAsync("POST /api/v1/delete-account", [carol], e => IsRemoved(e, second, bob));

        await Spec.PostAsync(group.Path("/delete"), token: alice.Token).OkAsync();
        await streams.ExpectAsync("POST /api/v1/groups/{group_id}/delete", [alice], e => e.GroupDeleted is { } d && d.GroupId == group.Id);
        await streams.ExpectNothingAsync(Grace, alice, carol);
    }

    private async Task<(TestUser Alice, TestUser Bob, TestUser Outsider, TestGroup Group)> GroupOfTwoAsync()
    {
        var alice = await Spec.NewUserAsync("alice");
        var bob = await Spec.NewUserAsync("bob");
        var outsider = await Spec.NewUserAsync("outsider");
        var group = await Spec.WithMembersAsync(await Spec.CreateGroupAsync(alice), bob);
        return (alice, bob, outsider, group);
    }

    private static bool IsUpdate(ServerEvent e, TestGroup group, GroupUpdateType type) =>
        e.GroupUpdate is { } u && u.GroupId == group.Id && u.UpdateType == type;

    private static bool IsRemoved(ServerEvent e, TestGroup group, TestUser user) =>
        e.MemberRemoved is { } r && r.GroupId == group.Id && r.RemovedUserId == user.Id;

    /// <summary>One open stream per user.</summary>
    private sealed class Streams : IAsyncDisposable
    {
        private readonly Dictionary<ByteString, SseStream> _byUser = [];

        public static async Task<Streams> OpenAsync(TestServer server, params TestUser[] users)
        {
            var streams = new Streams();
            foreach (var user in users) streams._byUser[user.Id] = await SseStream.OpenAsync(server, user.Token);
            return streams;
        }

        /// <summary>
        /// Each of <paramref name="recipients"/> gets, as its next event, one matching <paramref name="expected"/>,
        /// and one that <paramref name="route"/> declares in its proto (docs/api.md).
        /// </summary>
        public async Task ExpectAsync(string route, TestUser[] recipients, Func<ServerEvent, bool> expected)
        {
            var declared = ApiFacts.Of(route).Emits.Select(e => (e.Event, e.Detail)).ToList();
            foreach (var user in recipients)
            {
                var received = await _byUser[user.Id].NextEventAsync();
                Assert.True(expected(received), $"{user.Username} got an unexpected event: {received}");
                Assert.True(declared.Contains(KindOf(received)), $"{route} sent {KindOf(received)}, which its proto does not declare in (emits)");
            }
        }

        // The ServerEvent field and, for a group update, its type, as the protos' (emits) write them.
        private static (string Event, string Detail) KindOf(ServerEvent e) =>
            (ServerEvent.Descriptor.FindFieldByNumber((int)e.EventCase).Name,
                e.GroupUpdate is { } update
                    ? GroupUpdateEvent.Descriptor.FindFieldByName("update_type").EnumType.FindValueByNumber((int)update.UpdateType).Name["GROUP_UPDATE_TYPE_".Length..]
                    : "");

        public async Task ExpectNothingAsync(TimeSpan grace, params TestUser[] users)
        {
            foreach (var user in users)
            {
                var frame = await Task.WhenAny(_byUser[user.Id].NextDataFrameAsync(grace)).Unwrap().ContinueWith(t => t.IsFaulted ? null : t.Result);
                Assert.True(frame is null, $"{user.Username} should have got nothing, got {frame}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var stream in _byUser.Values) await stream.DisposeAsync();
        }
    }
}
