using Conclave.Domain.Common;

namespace Conclave.Domain.Invites;

/// <summary>An escrowed invitation: the inviter's commit, Welcome and GroupInfo, held until the invitee decides.</summary>
public sealed class Invite : AggregateRoot
{
    private Invite() { } // EF Core

    public InviteId Id { get; private set; }
    public GroupId GroupId { get; private set; }
    public UserId InviteeId { get; private set; }
    public UserId InviterId { get; private set; }
    public byte[] CommitMessage { get; private set; } = [];
    public byte[] WelcomeMessage { get; private set; } = [];
    public byte[] GroupInfo { get; private set; } = [];
    public long CreatedAt { get; private set; }

    /// <summary>
    /// Holds an admin's invitation; the caller has checked the group's rules (admin, not a member, not banned,
    /// no other pending invite). <paramref name="groupName"/> and <paramref name="groupAlias"/> are for the invitee's notice.
    /// </summary>
    public static Invite Escrow(GroupId groupId, string groupName, string groupAlias, UserId inviter, UserId invitee,
        byte[] commit, byte[] welcome, byte[] groupInfo, long now)
    {
        var invite = new Invite
        {
            Id = InviteId.New(),
            GroupId = groupId,
            InviterId = inviter,
            InviteeId = invitee,
            CommitMessage = commit,
            WelcomeMessage = welcome,
            GroupInfo = groupInfo,
            CreatedAt = now,
        };
        invite.Raise(new InviteEscrowed(invite.Id, groupId, groupName, groupAlias, inviter, invitee));
        return invite;
    }

    /// <summary>Only the invitee may accept or decline (CLARIFICATIONS R35, R36).</summary>
    public void RequireInvitee(UserId actor)
    {
        if (actor != InviteeId) throw new DomainException(DomainError.NotMember, "this invite does not belong to you");
    }

    /// <summary>
    /// Marks the invite accepted; the group has admitted the invitee and stored the commit as message
    /// <paramref name="sequenceNum"/>. <paramref name="members"/> are the group's members after admission.
    /// </summary>
    public void Accept(UserId actor, string groupAlias, long sequenceNum, IReadOnlyList<UserId> members)
    {
        RequireInvitee(actor);
        Raise(new InviteAccepted(Id, GroupId, InviteeId, InviterId, groupAlias, sequenceNum, members));
    }

    public void Decline(UserId actor)
    {
        RequireInvitee(actor);
        Raise(new InviteDeclined(Id, GroupId, InviteeId, InviterId));
    }

    public void Cancel(UserId admin) => Raise(new InviteCancelled(Id, GroupId, InviteeId, InviterId, admin));

    /// <summary>Removed without notice: by a ban of the invitee (C28) or by expiry.</summary>
    public void Discard() => Raise(new InviteDiscarded(Id, GroupId, InviteeId, InviterId));
}
