using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.UnitTests.Groups;

// CLARIFICATIONS R22, R23, C34, C31: removal, leaving and admission of invitees.
public sealed class GroupMembershipTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    [Fact]
    public void Remove_drops_the_member_and_names_who_remains()
    {
        _group.Remove(Alice, Bob);

        Assert.False(_group.IsMember(Bob));
        var removed = Assert.IsType<MemberRemoved>(Assert.Single(_group.DomainEvents));
        Assert.Equal((Alice, Bob), (removed.Actor, removed.Target));
        Assert.Equal([Alice], removed.Remaining);
    }

    [Fact]
    public void Remove_refuses_non_admins_then_non_members()
    {
        var notAdmin = GroupBuilder.Refusal(() => _group.Remove(Bob, Alice));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.Remove), (notAdmin.Error, notAdmin.Message));
        var notMember = GroupBuilder.Refusal(() => _group.Remove(Alice, Carol));
        Assert.Equal((DomainError.BadRequest, "user is not a member of this group"), (notMember.Error, notMember.Message));
    }

    [Fact]
    public void An_admin_may_remove_themselves_and_leave_the_group_without_admin()
    {
        _group.Remove(Alice, Alice);
        Assert.DoesNotContain(_group.Members, m => m.Role == GroupRole.Admin);
    }

    [Fact]
    public void The_last_admin_and_the_last_member_may_leave()
    {
        _group.Leave(Alice);
        _group.Leave(Bob);

        Assert.Empty(_group.Members);
        Assert.Equal([Bob], ((MemberLeft)_group.DomainEvents[0]).Remaining);
        Assert.Empty(((MemberLeft)_group.DomainEvents[1]).Remaining);
    }

    [Fact]
    public void Leave_is_for_members()
    {
        var refusal = GroupBuilder.Refusal(() => _group.Leave(Carol));
        Assert.Equal((DomainError.NotMember, "not a member of this group"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void An_invitee_is_admitted_as_a_plain_member_unless_already_in_or_banned()
    {
        _group.AdmitInvitee(Carol, GroupBuilder.Now);
        Assert.Equal(GroupRole.Member, _group.RoleOf(Carol));
        Assert.Equal(new MemberAdded(_group.Id, Carol, MembershipSource.Invite), Assert.Single(_group.DomainEvents));

        Assert.Equal(DomainError.Conflict, GroupBuilder.Refusal(() => _group.AdmitInvitee(Bob, GroupBuilder.Now)).Error);
        var dave = UserId.New();
        _group.Ban(Alice, dave, GroupBuilder.Now);
        var banned = GroupBuilder.Refusal(() => _group.AdmitInvitee(dave, GroupBuilder.Now));
        Assert.Equal((DomainError.Banned, "you are banned from this group"), (banned.Error, banned.Message));
    }
}
