using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.UnitTests.Groups;

// CLARIFICATIONS R18 after the existence check, §6.6: not public → member → banned → pending invite → no GroupInfo.
public sealed class GroupPublicJoinTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();

    [Fact]
    public void Joining_adds_a_member_with_a_pending_external_join()
    {
        var group = GroupBuilder.Public(Alice);

        group.JoinPublic(Carol, hasPendingInvite: false, hasGroupInfo: true, now: 5);

        Assert.Equal(GroupRole.Member, group.RoleOf(Carol));
        Assert.Equal(Carol, Assert.Single(group.PendingExternalJoins).UserId);
        Assert.Equal(new MemberAdded(group.Id, Carol, MembershipSource.PublicJoin), Assert.Single(group.DomainEvents));
    }

    [Fact]
    public void A_private_group_refuses_first_even_a_member()
    {
        var refusal = GroupBuilder.Refusal(() => GroupBuilder.With(Alice, Bob).JoinPublic(Bob, true, false, 5));
        Assert.Equal((DomainError.NotPublic, "this group is not public"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void A_member_is_refused_before_bans_invites_and_group_info()
    {
        var refusal = GroupBuilder.Refusal(() => GroupBuilder.Public(Alice, Bob).JoinPublic(Bob, true, false, 5));
        Assert.Equal((DomainError.Conflict, "already a member of this group"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void A_banned_user_is_refused_before_invites_and_group_info()
    {
        var group = GroupBuilder.Public(Alice);
        group.Ban(Alice, Carol, 1);
        var refusal = GroupBuilder.Refusal(() => group.JoinPublic(Carol, true, false, 5));
        Assert.Equal((DomainError.Banned, "you are banned from this group"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void A_pending_invitee_is_refused_before_group_info()
    {
        var refusal = GroupBuilder.Refusal(() => GroupBuilder.Public(Alice).JoinPublic(Carol, true, false, 5));
        Assert.Equal((DomainError.Conflict, "you have a pending invite for this group"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void A_group_without_group_info_cannot_be_joined()
    {
        var group = GroupBuilder.Public(Alice);
        var refusal = GroupBuilder.Refusal(() => group.JoinPublic(Carol, false, false, 5));
        Assert.Equal((DomainError.BadRequest, "no group info available for this group"), (refusal.Error, refusal.Message));
        Assert.False(group.IsMember(Carol));
    }

    [Fact]
    public void An_empty_public_group_can_still_be_joined()
    {
        var group = GroupBuilder.Public(Alice);
        group.Leave(Alice);
        group.JoinPublic(Carol, false, true, 5);
        Assert.Equal([Carol], group.MemberIds());
    }

    [Fact]
    public void The_pending_join_flag_is_consumed_once()
    {
        var group = GroupBuilder.Public(Alice);
        group.JoinPublic(Carol, false, true, 5);

        Assert.True(group.ConsumePendingExternalJoin(Carol));
        Assert.False(group.ConsumePendingExternalJoin(Carol));
        Assert.False(group.ConsumePendingExternalJoin(Alice));
    }
}
