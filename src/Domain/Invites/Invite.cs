using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using Conclave.Domain.Welcomes;

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
    /// Holds an admin's invitation (CLARIFICATIONS R31, after the admin and user-exists checks): the invitee must not
    /// be a member (the caller inviting themselves lands here), nor banned, nor already invited to the group.
    /// </summary>
    public static Invite Escrow(Group group, UserId inviter, UserId invitee, bool alreadyInvited,
        byte[] commit, byte[] welcome, byte[] groupInfo, long now)
    {
        if (group.IsMember(invitee)) throw Group.AlreadyMember();
        if (group.IsBanned(invitee)) throw new DomainException(DomainError.Banned, "user is banned from this group");
        if (alreadyInvited) throw new DomainException(DomainError.Conflict, "a pending invite already exists for this user and group");
        var invite = new Invite
        {
            Id = InviteId.New(),
            GroupId = group.Id,
            InviterId = inviter,
            InviteeId = invitee,
            CommitMessage = commit,
            WelcomeMessage = welcome,
            GroupInfo = groupInfo,
            CreatedAt = now,
        };
        invite.Raise(new InviteEscrowed(invite.Id, group.Id, group.Name, group.Alias, inviter, invitee));
        return invite;
    }

    /// <summary>Only the invitee may accept or decline (CLARIFICATIONS R35, R36).</summary>
    public void RequireInvitee(UserId actor)
    {
        if (actor != InviteeId) throw new DomainException(DomainError.NotMember, "this invite does not belong to you");
    }

    /// <summary>
    /// The invitee joins (CLARIFICATIONS R35, inside the transaction): admitted as a member, the escrowed commit is
    /// appended to the group's log as its next message from the INVITER, and a Welcome waits for the invitee with the group's alias as it is now.
    /// </summary>
    public AcceptedInvite Accept(UserId actor, Group group, MessageLog log, long now)
    {
        RequireInvitee(actor);
        group.AdmitInvitee(InviteeId, now);
        var commit = log.Append(InviterId, CommitMessage, now);
        var welcome = new Welcome(InviteeId, GroupId, group.Alias, WelcomeMessage, now);
        Raise(new InviteAccepted(Id, GroupId, InviteeId, InviterId, group.Alias, commit.SequenceNum, group.MemberIds()));
        return new AcceptedInvite(welcome, GroupInfo);
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
