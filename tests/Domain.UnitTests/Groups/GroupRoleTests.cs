using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.UnitTests.Groups;

// CLARIFICATIONS R24, R25, §6.1, C34.
public sealed class GroupRoleTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    [Fact]
    public void Promote_makes_a_member_admin_and_announces_it_to_all()
    {
        _group.Promote(Alice, Bob);

        Assert.Equal(GroupRole.Admin, _group.RoleOf(Bob));
        var changed = Assert.IsType<MemberRoleChanged>(Assert.Single(_group.DomainEvents));
        Assert.Equal((_group.Id, Alice, Bob, GroupRole.Admin), (changed.GroupId, changed.Actor, changed.Target, changed.Role));
        Assert.Equal([Alice, Bob], changed.Members);
    }

    [Fact]
    public void Promote_refuses_non_admin_callers_then_non_members_then_admins()
    {
        Assert.Equal((DomainError.NotAdmin, AdminOnly.Promote), Describe(() => _group.Promote(Bob, Bob)));
        Assert.Equal((DomainError.BadRequest, "user is not a member of this group"), Describe(() => _group.Promote(Alice, Carol)));
        Assert.Equal((DomainError.Conflict, "user is already an admin"), Describe(() => _group.Promote(Alice, Alice)));
        Assert.Empty(_group.DomainEvents);
    }

    [Fact]
    public void Demote_makes_an_admin_a_member_when_another_admin_remains_even_oneself()
    {
        _group.Promote(Alice, Bob);
        _group.Demote(Alice, Alice);

        Assert.Equal((GroupRole.Member, GroupRole.Admin), (_group.RoleOf(Alice), _group.RoleOf(Bob)));
        Assert.Equal(GroupRole.Member, ((MemberRoleChanged)_group.DomainEvents[^1]).Role);
    }

    [Fact]
    public void Demote_refuses_non_admin_callers_then_non_admin_targets_then_the_last_admin()
    {
        Assert.Equal((DomainError.NotAdmin, AdminOnly.Demote), Describe(() => _group.Demote(Bob, Alice)));
        Assert.Equal((DomainError.BadRequest, "user is not an admin"), Describe(() => _group.Demote(Alice, Bob)));
        Assert.Equal((DomainError.BadRequest, "user is not an admin"), Describe(() => _group.Demote(Alice, Carol)));
        Assert.Equal((DomainError.BadRequest, "cannot demote the last admin"), Describe(() => _group.Demote(Alice, Alice)));
        Assert.Equal(GroupRole.Admin, _group.RoleOf(Alice));
    }

    private static (DomainError, string) Describe(Action action)
    {
        var refusal = GroupBuilder.Refusal(action);
        return (refusal.Error, refusal.Message);
    }
}
