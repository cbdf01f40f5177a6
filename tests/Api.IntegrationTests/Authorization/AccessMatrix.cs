using System.Net;
using Conclave.Api.IntegrationTests.KeyPackages;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;
using static Conclave.Api.IntegrationTests.Authorization.Outcome;

namespace Conclave.Api.IntegrationTests.Authorization;

/// <summary>
/// Every route × {no token, malformed header, expired token, non-member, member, admin, banned user}, with the
/// status, ErrorCode and message CLARIFICATIONS §3 (R1-R42) and §4 prescribe. A route the server serves but this
/// table lacks fails <see cref="AccessMatrixTests.Every_route_of_the_server_is_in_the_table"/>.
/// </summary>
public static class AccessMatrix
{
    private const string Password = "password123";
    // Declared before the table: static fields initialise in textual order.
    private static readonly Outcome WelcomeNotFound = new(HttpStatusCode.NotFound, ErrorCode.ResourceNotFound, "welcome not found");
    private static readonly Outcome NotInvitee = new(HttpStatusCode.Unauthorized, ErrorCode.GroupNotMember, "this invite does not belong to you");

    public static readonly IReadOnlyList<AccessRow> Rows =
    [
        // Accounts (R1-R8)
        Public("POST /api/v1/register", _ => new("/api/v1/register", new RegisterRequest { Username = AccountCalls.UniqueName("m"), Password = Password }), Created),
        Public("POST /api/v1/login", s => new("/api/v1/login", new LoginRequest { Username = s.Admin.Username, Password = Password }), Ok),
        Signed("POST /api/v1/logout", _ => new("/api/v1/logout"), NoContent, freshActor: true),
        Signed("GET /api/v1/me", _ => new("/api/v1/me"), Ok),
        Signed("PATCH /api/v1/me", _ => new("/api/v1/me", new UpdateProfileRequest { Alias = "matrix" }), Ok),
        Signed("POST /api/v1/change-password", _ => new("/api/v1/change-password",
            new ChangePasswordRequest { CurrentPassword = Password, NewPassword = "password456" }), Ok, freshActor: true),
        Signed("POST /api/v1/reset-account", _ => new("/api/v1/reset-account"), Ok),
        Signed("POST /api/v1/delete-account", _ => new("/api/v1/delete-account", new DeleteAccountRequest { Password = Password }), Ok, freshActor: true),

        // Users (R9-R10)
        Signed("GET /api/v1/users/{username}", s => new($"/api/v1/users/{s.Admin.Username}"), Ok),
        Signed("GET /api/v1/users/by-id/{user_id}", s => new($"/api/v1/users/by-id/{s.Admin.Guid}"), Ok),

        // Key packages (R11-R12)
        Signed("POST /api/v1/key-packages", _ => new("/api/v1/key-packages", KeyPackageBytes.Batch(KeyPackageBytes.Regular(7))), Ok),
        Signed("GET /api/v1/key-packages/{user_id}", s => new($"/api/v1/key-packages/{s.PackageOwner.Guid}"), Ok),

        // Groups (R13-R20)
        Signed("GET /api/v1/groups/public", _ => new("/api/v1/groups/public"), Ok),
        Signed("POST /api/v1/groups", _ => new("/api/v1/groups", new CreateGroupRequest { GroupName = GroupSteps.UniqueName("m") }), Created),
        Signed("GET /api/v1/groups", _ => new("/api/v1/groups"), Ok),
        AdminOnly("PATCH /api/v1/groups/{group_id}", s => new(s.Group.Path(), new UpdateGroupRequest()), "only group admins can update group settings"),
        MemberOnly("GET /api/v1/groups/{group_id}/group-info", s => new(s.Group.Path("/group-info"))),
        Group("POST /api/v1/groups/{group_id}/join", s => new(s.Group.Path("/join")),
            nonMember: Ok,
            member: new(HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "already a member of this group"),
            admin: new(HttpStatusCode.Conflict, ErrorCode.ResourceConflict, "already a member of this group"),
            banned: new(HttpStatusCode.Forbidden, ErrorCode.GroupBanned, "you are banned from this group")),
        AdminOnly("POST /api/v1/groups/{group_id}/delete", s => new(s.Group.Path("/delete")), "only group admins can delete a group"),
        MemberOnly("GET /api/v1/groups/{group_id}/retention", s => new(s.Group.Path("/retention"))),

        // Members (R21-R30)
        AdminOnly("POST /api/v1/groups/{group_id}/invite", s => new(s.Group.Path("/invite"), new InviteToGroupRequest { UserIds = { s.InviteTarget.Id } }),
            "only group admins can invite members"),
        AdminOnly("POST /api/v1/groups/{group_id}/remove", s => new(s.Group.Path("/remove"), new RemoveMemberRequest { UserId = s.Member.Id }),
            "only group admins can remove members"),
        MemberOnly("POST /api/v1/groups/{group_id}/leave", s => new(s.Group.Path("/leave"), new LeaveGroupRequest())),
        AdminOnly("POST /api/v1/groups/{group_id}/promote", s => new(s.Group.Path("/promote"), new PromoteMemberRequest { UserId = s.Member.Id }),
            "only group admins can promote members"),
        AdminOnly("POST /api/v1/groups/{group_id}/demote", s => new(s.Group.Path("/demote"), new DemoteMemberRequest { UserId = s.Member.Id }),
            "only group admins can demote members", admin: new(HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "user is not an admin")),
        MemberOnly("GET /api/v1/groups/{group_id}/admins", s => new(s.Group.Path("/admins"))),
        AdminOnly("POST /api/v1/groups/{group_id}/ban", s => new(s.Group.Path("/ban"), new BanMemberRequest { UserId = s.NonMember.Id }),
            "only group admins can ban members"),
        AdminOnly("POST /api/v1/groups/{group_id}/unban", s => new(s.Group.Path("/unban"), new UnbanMemberRequest { UserId = s.Banned.Id }),
            "only group admins can unban members"),
        AdminOnly("GET /api/v1/groups/{group_id}/banned", s => new(s.Group.Path("/banned")), "only group admins can view the ban list"),
        MemberOnly("POST /api/v1/groups/{group_id}/external-join", s => new(s.Group.Path("/external-join"), new ExternalJoinRequest())),

        // Invites (R31-R36)
        AdminOnly("POST /api/v1/groups/{group_id}/escrow-invite", s => new(s.Group.Path("/escrow-invite"), InviteSteps.Escrow(s.NonMember)),
            "only group admins can invite members"),
        Signed("GET /api/v1/invites", _ => new("/api/v1/invites"), Ok),
        AdminOnly("GET /api/v1/groups/{group_id}/invites", s => new(s.Group.Path("/invites")), "only group admins can list pending invites"),
        InviteeOnly("POST /api/v1/invites/{invite_id}/accept", s => new($"/api/v1/invites/{s.InviteId}/accept")),
        InviteeOnly("POST /api/v1/invites/{invite_id}/decline", s => new($"/api/v1/invites/{s.InviteId}/decline")),
        AdminOnly("POST /api/v1/groups/{group_id}/cancel-invite", s => new(s.Group.Path("/cancel-invite"), new CancelInviteRequest { InviteeId = s.NonMember.Id }),
            "only group admins can cancel invites", needs: SceneNeeds.InviteForNonMember),

        // Welcomes (R37-R38): a welcome is its owner's only; anyone else's lookup is a 404
        Signed("GET /api/v1/welcomes", _ => new("/api/v1/welcomes"), Ok),
        Group("POST /api/v1/welcomes/{welcome_id}/accept", s => new($"/api/v1/welcomes/{s.WelcomeId}/accept"),
            nonMember: NoContent, member: WelcomeNotFound, admin: WelcomeNotFound, banned: WelcomeNotFound, needs: SceneNeeds.WelcomeForNonMember),

        // Messages (R39-R41)
        MemberOnly("POST /api/v1/groups/{group_id}/commit", s => new(s.Group.Path("/commit"), new UploadCommitRequest())),
        MemberOnly("POST /api/v1/groups/{group_id}/messages", s => new(s.Group.Path("/messages"), new SendMessageRequest { MlsMessage = ByteString.CopyFrom(1, 2) })),
        MemberOnly("GET /api/v1/groups/{group_id}/messages", s => new(s.Group.Path("/messages"))),

        // Events (R42): the stream opens (200 text/event-stream) for anyone authenticated; the cell reads its headers only
        Signed("GET /api/v1/events", _ => new("/api/v1/events"), Ok),
    ];

    // Register and login never look at an auth header: every column gets the route's own answer.
    private static AccessRow Public(string route, Func<AccessScene, AccessRequest> request, Outcome everyone) =>
        new(route, SceneNeeds.Group, request, everyone, everyone, everyone, everyone, Anonymous: true, FreshActor: false);

    // A route about the caller only: a group role changes nothing.
    private static AccessRow Signed(string route, Func<AccessScene, AccessRequest> request, Outcome everyone, bool freshActor = false) =>
        new(route, SceneNeeds.Group, request, everyone, everyone, everyone, everyone, Anonymous: false, freshActor);

    // ADMIN(msg): non-members, members and banned users alike get GROUP_NOT_ADMIN with the route's message (C15).
    private static AccessRow AdminOnly(string route, Func<AccessScene, AccessRequest> request, string message,
        Outcome? admin = null, SceneNeeds needs = SceneNeeds.Group) =>
        Group(route, request, NotAdmin(message), NotAdmin(message), admin ?? Ok, NotAdmin(message), needs);

    private static AccessRow MemberOnly(string route, Func<AccessScene, AccessRequest> request) =>
        Group(route, request, nonMember: NotMember, member: Ok, admin: Ok, banned: NotMember);

    // R35/R36: the invite (for the non-member) is theirs alone.
    private static AccessRow InviteeOnly(string route, Func<AccessScene, AccessRequest> request) =>
        Group(route, request, nonMember: Ok, member: NotInvitee, admin: NotInvitee, banned: NotInvitee, SceneNeeds.InviteForNonMember);

    private static AccessRow Group(string route, Func<AccessScene, AccessRequest> request,
        Outcome nonMember, Outcome member, Outcome admin, Outcome banned, SceneNeeds needs = SceneNeeds.Group) =>
        new(route, needs, request, nonMember, member, admin, banned, Anonymous: false, FreshActor: false);
}
