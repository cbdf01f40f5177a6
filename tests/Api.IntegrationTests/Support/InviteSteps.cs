using System.Net;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>The escrow-invite workflow over the spec routes, as a client would drive it.</summary>
public static class InviteSteps
{
    public static readonly byte[] Commit = [0xC0, 0x01], WelcomeBlob = [0x3E, 0x1C], InviteGroupInfo = [0x00, 0x01, 0x00, 0x04, 0x1F];

    public static EscrowInviteRequest Escrow(TestUser invitee) => new()
    {
        InviteeId = invitee.Id,
        CommitMessage = GroupSteps.Bytes(Commit),
        WelcomeMessage = GroupSteps.Bytes(WelcomeBlob),
        GroupInfo = GroupSteps.Bytes(InviteGroupInfo),
    };

    public static Task EscrowAsync(this SpecClient spec, TestGroup group, TestUser inviter, TestUser invitee) =>
        spec.PostAsync(group.Path("/escrow-invite"), Escrow(invitee), inviter.Token).OkAsync();

    public static async Task<List<PendingInvite>> PendingInvitesAsync(this SpecClient spec, TestUser user) =>
        [.. (await SpecClient.ReadAsync<ListPendingInvitesResponse>(await spec.GetAsync("/api/v1/invites", user.Token))).Invites];

    public static async Task<PendingInvite> InviteForAsync(this SpecClient spec, TestGroup group, TestUser invitee) =>
        (await spec.PendingInvitesAsync(invitee)).Single(i => i.GroupId == group.Id);

    public static string InvitePath(PendingInvite invite, string action) =>
        $"/api/v1/invites/{new Guid(invite.InviteId.Span, bigEndian: true)}/{action}";

    /// <summary>Escrow by the group's owner, then acceptance by the invitee: the invitee is a member afterwards.</summary>
    public static async Task AddByInviteAsync(this SpecClient spec, TestGroup group, TestUser invitee)
    {
        await spec.EscrowAsync(group, group.Owner, invitee);
        var invite = await spec.InviteForAsync(group, invitee);
        await spec.PostAsync(InvitePath(invite, "accept"), token: invitee.Token).OkAsync();
    }

    public static async Task<List<PendingWelcome>> WelcomesAsync(this SpecClient spec, TestUser user) =>
        [.. (await SpecClient.ReadAsync<ListPendingWelcomesResponse>(await spec.GetAsync("/api/v1/welcomes", user.Token), HttpStatusCode.OK)).Welcomes];
}
