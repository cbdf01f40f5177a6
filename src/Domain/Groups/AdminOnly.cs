namespace Conclave.Domain.Groups;

/// <summary>
/// Each admin route's refusal for a caller who is not an admin of the group (CLARIFICATIONS §3, the ADMIN(msg) steps).
/// The access check before validation and the aggregate's re-check inside the transaction use the same text.
/// </summary>
public static class AdminOnly
{
    public const string UpdateSettings = "only group admins can update group settings";
    public const string DeleteGroup = "only group admins can delete a group";
    public const string Invite = "only group admins can invite members";
    public const string CancelInvite = "only group admins can cancel invites";
    public const string ListInvites = "only group admins can list pending invites";
    public const string Remove = "only group admins can remove members";
    public const string Promote = "only group admins can promote members";
    public const string Demote = "only group admins can demote members";
    public const string Ban = "only group admins can ban members";
    public const string Unban = "only group admins can unban members";
    public const string ViewBans = "only group admins can view the ban list";
}
