using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.UnitTests.Groups;

// CLARIFICATIONS R21 and R31: who may invite, and which listed users the key-package step hands a package to.
public sealed class GroupInvitingTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    [Fact]
    public void Only_an_admin_may_invite()
    {
        _group.RequireInviter(Alice);

        var member = GroupBuilder.Refusal(() => _group.RequireInviter(Bob));
        var outsider = GroupBuilder.Refusal(() => _group.RequireInviter(Carol));

        Assert.Equal((DomainError.NotAdmin, AdminOnly.Invite), (member.Error, member.Message));
        Assert.Equal((DomainError.NotAdmin, "only group admins can invite members"), (outsider.Error, outsider.Message));
    }

    [Fact]
    public void A_non_member_is_handed_a_key_package() => Assert.True(_group.HandsKeyPackageTo(Alice, Carol));

    [Fact]
    public void The_inviter_listing_themselves_is_skipped() => Assert.False(_group.HandsKeyPackageTo(Alice, Alice));

    [Fact]
    public void A_member_is_a_conflict()
    {
        var refusal = GroupBuilder.Refusal(() => _group.HandsKeyPackageTo(Alice, Bob));

        Assert.Equal((DomainError.Conflict, "user is already a member of this group"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void A_banned_non_member_is_handed_a_key_package_all_the_same()
    {
        _group.Ban(Alice, Carol, GroupBuilder.Now); // C25: the key-package step has no ban check

        Assert.True(_group.HandsKeyPackageTo(Alice, Carol));
    }
}
