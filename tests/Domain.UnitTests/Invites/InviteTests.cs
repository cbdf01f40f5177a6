using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Messages;

namespace Conclave.Domain.UnitTests.Invites;

public sealed class InviteTests
{
    private static readonly UserId Admin = UserId.New(), Invitee = UserId.New(), Stranger = UserId.New();
    private static readonly byte[] Commit = [1], WelcomeBlob = [2], GroupInfo = [3];

    private static Group NewGroup() => Group.Create("team", "The Team", Admin, now: 100);

    private static MessageLog LogOf(Group group, long lastSequence = 0) => new(group.Id, lastSequence, group.MessageExpirySeconds, group.MemberIds());

    private static Invite Escrow(Group group, bool alreadyInvited = false) =>
        Invite.Escrow(group, Admin, Invitee, alreadyInvited, Commit, WelcomeBlob, GroupInfo, now: 200);

    [Fact]
    public void Escrow_holds_the_blobs_and_tells_the_invitee()
    {
        var invite = Escrow(NewGroup());

        Assert.Equal(Invitee, invite.InviteeId);
        Assert.Equal(200, invite.CreatedAt);
        var escrowed = Assert.IsType<InviteEscrowed>(Assert.Single(invite.DomainEvents));
        Assert.Equal(("team", "The Team", Admin, Invitee), (escrowed.GroupName, escrowed.GroupAlias, escrowed.Inviter, escrowed.Invitee));
    }

    [Fact]
    public void Escrow_refuses_a_member_before_a_ban_before_a_duplicate()
    {
        var group = NewGroup();
        var member = Assert.Throws<DomainException>(() => Invite.Escrow(group, Admin, Admin, true, Commit, WelcomeBlob, GroupInfo, 1));
        Assert.Equal((DomainError.Conflict, "user is already a member of this group"), (member.Error, member.Message));

        group.Ban(Admin, Invitee, now: 150);
        var banned = Assert.Throws<DomainException>(() => Escrow(group, alreadyInvited: true));
        Assert.Equal((DomainError.Banned, "user is banned from this group"), (banned.Error, banned.Message));

        var duplicate = Assert.Throws<DomainException>(() => Escrow(NewGroup(), alreadyInvited: true));
        Assert.Equal((DomainError.Conflict, "a pending invite already exists for this user and group"), (duplicate.Error, duplicate.Message));
    }

    [Fact]
    public void Accept_admits_the_invitee_and_records_the_commit_from_the_inviter()
    {
        var group = NewGroup();
        var invite = Escrow(group);

        var log = LogOf(group, lastSequence: 4);

        var accepted = invite.Accept(Invitee, group, log, now: 300);

        Assert.Equal(GroupRole.Member, group.RoleOf(Invitee));
        var commit = Assert.Single(log.Appended);
        Assert.Equal((5L, Admin, Commit, 300L), (commit.SequenceNum, commit.SenderId, commit.Data, commit.CreatedAt));
        Assert.Equal(5, log.LastSequence);
        Assert.Equal((Invitee, "The Team", WelcomeBlob), (accepted.Welcome.UserId, accepted.Welcome.GroupAlias, accepted.Welcome.Message));
        Assert.Equal(GroupInfo, accepted.GroupInfo);
        var event_ = Assert.IsType<InviteAccepted>(invite.DomainEvents[^1]);
        Assert.Equal(5L, event_.CommitSequenceNum);
        Assert.Equal([Admin, Invitee], event_.Members);
    }

    [Fact]
    public void Only_the_invitee_may_accept_or_decline()
    {
        var group = NewGroup();
        var invite = Escrow(group);

        var accept = Assert.Throws<DomainException>(() => invite.Accept(Stranger, group, LogOf(group), now: 300));
        var decline = Assert.Throws<DomainException>(() => invite.Decline(Stranger));

        Assert.All([accept, decline], e => Assert.Equal((DomainError.NotMember, "this invite does not belong to you"), (e.Error, e.Message)));
        Assert.False(group.IsMember(Stranger));
    }

    [Fact]
    public void Accept_by_a_banned_invitee_is_refused_and_changes_nothing()
    {
        var group = NewGroup();
        var invite = Escrow(group);
        group.Ban(Admin, Invitee, now: 250);

        var log = LogOf(group);

        var refused = Assert.Throws<DomainException>(() => invite.Accept(Invitee, group, log, now: 300));

        Assert.Equal((DomainError.Banned, "you are banned from this group"), (refused.Error, refused.Message));
        Assert.False(group.IsMember(Invitee));
        Assert.Equal(0, log.LastSequence);
        Assert.Empty(log.Appended);
    }

    [Fact]
    public void Cancel_names_the_original_inviter_and_the_cancelling_admin()
    {
        var invite = Escrow(NewGroup());
        var otherAdmin = UserId.New();

        invite.Cancel(otherAdmin);

        var cancelled = Assert.IsType<InviteCancelled>(invite.DomainEvents[^1]);
        Assert.Equal((Invitee, Admin, otherAdmin), (cancelled.Invitee, cancelled.Inviter, cancelled.CancelledBy));
    }
}
