using Conclave.Application.Members.Commands.PromoteMember;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R24 after the access and id checks: unknown user 404, then the group's own rules.
public sealed class PromoteMemberHandlerTests : MemberFixture
{
    [Fact]
    public async Task Promotes_a_member()
    {
        await new PromoteMemberHandler(Groups, Users).Handle(new PromoteMemberCommand(Group.Id, Alice, Bytes(Bob)), default);
        Assert.Equal(GroupRole.Admin, Group.RoleOf(Bob));
    }

    [Fact]
    public async Task Promote_of_an_unknown_target_is_not_found_before_membership_is_checked()
    {
        var refusal = await Refused(() => new PromoteMemberHandler(Groups, Users).Handle(new PromoteMemberCommand(Group.Id, Alice, Bytes(UserId.New())), default));
        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }

    [Fact]
    public async Task Promote_of_a_non_member_is_a_bad_request()
    {
        var refusal = await Refused(() => new PromoteMemberHandler(Groups, Users).Handle(new PromoteMemberCommand(Group.Id, Alice, Bytes(Carol)), default));
        Assert.Equal((DomainError.BadRequest, "user is not a member of this group"), (refusal.Error, refusal.Message));
    }
}
