using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Plugin = Conclave.Plugins.Abstractions.Events;

namespace Conclave.Application.Plugins;

/// <summary>
/// The plugin-facing form of each domain event: plain ids and metadata. Member lists that only decide who the server
/// notifies stay behind; so do token hashes and everything stored as a blob.
/// </summary>
public static class PluginEvents
{
    public static Plugin.ConclaveEvent? From(IDomainEvent domainEvent) => domainEvent switch
    {
        UserRegistered e => new Plugin.UserRegistered(e.UserId.Value, e.Username),
        ProfileUpdated e => new Plugin.ProfileUpdated(e.UserId.Value),
        PasswordChanged e => new Plugin.PasswordChanged(e.UserId.Value),
        SessionEnded e => new Plugin.SessionEnded(e.UserId.Value),
        AccountReset e => new Plugin.AccountReset(e.UserId.Value),
        SignedOutEverywhere e => new Plugin.SignedOutEverywhere(e.UserId.Value),
        AccountDeleted e => new Plugin.AccountDeleted(e.UserId.Value, e.Groups.Select(g => g.GroupId.Value).ToList()),
        GroupCreated e => new Plugin.GroupCreated(e.GroupId.Value, e.Creator.Value, e.Name),
        GroupSettingsUpdated e => new Plugin.GroupUpdated(e.GroupId.Value, e.Actor.Value),
        GroupDeleted e => new Plugin.GroupDeleted(e.GroupId.Value, e.Actor.Value, Ids(e.Members)),
        MemberAdded e => new Plugin.MemberAdded(e.GroupId.Value, e.Member.Value,
            e.Source == MembershipSource.Invite ? Plugin.MembershipSource.Invite : Plugin.MembershipSource.PublicJoin),
        MemberRemoved e => new Plugin.MemberRemoved(e.GroupId.Value, e.Actor.Value, e.Target.Value),
        MemberLeft e => new Plugin.MemberLeft(e.GroupId.Value, e.Member.Value),
        MemberRoleChanged e => new Plugin.MemberRoleChanged(e.GroupId.Value, e.Actor.Value, e.Target.Value,
            e.Role == GroupRole.Admin ? Plugin.MemberRole.Admin : Plugin.MemberRole.Member),
        UserBanned e => new Plugin.UserBanned(e.GroupId.Value, e.Actor.Value, e.Target.Value, e.WasMember),
        UserUnbanned e => new Plugin.UserUnbanned(e.GroupId.Value, e.Actor.Value, e.Target.Value),
        MessageSent e => new Plugin.MessageStored(e.GroupId.Value, e.SequenceNum, e.Sender.Value),
        CommitUploaded e => new Plugin.CommitStored(e.GroupId.Value, e.SequenceNum, e.Committer.Value),
        ExternalJoinCompleted e => new Plugin.ExternalJoinCompleted(e.GroupId.Value, e.Member.Value, e.WasPendingJoin, e.SequenceNum),
        InviteEscrowed e => new Plugin.InviteEscrowed(e.InviteId.Value, e.GroupId.Value, e.Inviter.Value, e.Invitee.Value),
        InviteAccepted e => new Plugin.InviteAccepted(e.InviteId.Value, e.GroupId.Value, e.Inviter.Value, e.Invitee.Value, e.CommitSequenceNum),
        InviteDeclined e => new Plugin.InviteDeclined(e.InviteId.Value, e.GroupId.Value, e.Inviter.Value, e.Invitee.Value),
        InviteCancelled e => new Plugin.InviteCancelled(e.InviteId.Value, e.GroupId.Value, e.Inviter.Value, e.Invitee.Value, e.CancelledBy.Value),
        InviteDiscarded e => new Plugin.InviteDiscarded(e.InviteId.Value, e.GroupId.Value, e.Inviter.Value, e.Invitee.Value),
        _ => null, // PluginEventsTests keeps every domain event covered
    };

    private static List<Guid> Ids(IReadOnlyList<UserId> users) => users.Select(u => u.Value).ToList();
}
