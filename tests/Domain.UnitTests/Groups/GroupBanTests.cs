using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.UnitTests.Groups;

// CLARIFICATIONS R27, R28, C27, C29, §6.5.
public sealed class GroupBanTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    [Fact]
    public void Banning_a_member_removes_them_and_records_the_ban()
    {
        Assert.True(_group.Ban(Alice, Bob, 123));

        Assert.False(_group.IsMember(Bob));
        var ban = Assert.Single(_group.Bans);
        Assert.Equal((Bob, Alice, 123L), (ban.UserId, ban.BannedBy, ban.BannedAt));
        Assert.Equal([Alice], Assert.IsType<MemberRemoved>(_group.DomainEvents[0]).Remaining);
        Assert.Equal(new UserBanned(_group.Id, Alice, Bob, WasMember: true), _group.DomainEvents[1]);
    }

    [Fact]
    public void A_non_member_may_be_banned_without_any_removal()
    {
        Assert.False(_group.Ban(Alice, Carol, 1));

        Assert.True(_group.IsBanned(Carol));
        Assert.Equal(new UserBanned(_group.Id, Alice, Carol, WasMember: false), Assert.Single(_group.DomainEvents));
    }

    [Fact]
    public void An_admin_may_ban_themselves()
    {
        Assert.True(_group.Ban(Alice, Alice, 1));
        Assert.True(_group.IsBanned(Alice));
    }

    [Fact]
    public void Ban_refuses_non_admins_then_a_second_ban_changing_nothing()
    {
        var notAdmin = GroupBuilder.Refusal(() => _group.Ban(Bob, Carol, 1));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.Ban), (notAdmin.Error, notAdmin.Message));

        _group.Ban(Alice, Carol, 1);
        _group.ClearDomainEvents();
        var again = GroupBuilder.Refusal(() => _group.Ban(Alice, Carol, 2));
        Assert.Equal((DomainError.Conflict, "user is already banned from this group"), (again.Error, again.Message));
        Assert.Equal(1, Assert.Single(_group.Bans).BannedAt);
        Assert.Empty(_group.DomainEvents);
    }

    [Fact]
    public void Unban_deletes_the_ban_only()
    {
        _group.Ban(Alice, Bob, 1);
        _group.Unban(Alice, Bob);

        Assert.Empty(_group.Bans);
        Assert.False(_group.IsMember(Bob));
        Assert.Equal(new UserUnbanned(_group.Id, Alice, Bob), _group.DomainEvents[^1]);
    }

    [Fact]
    public void Unban_refuses_non_admins_then_users_who_are_not_banned()
    {
        var notAdmin = GroupBuilder.Refusal(() => _group.Unban(Bob, Carol));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.Unban), (notAdmin.Error, notAdmin.Message));
        var notBanned = GroupBuilder.Refusal(() => _group.Unban(Alice, Carol));
        Assert.Equal((DomainError.BadRequest, "user is not banned from this group"), (notBanned.Error, notBanned.Message));
    }
}
