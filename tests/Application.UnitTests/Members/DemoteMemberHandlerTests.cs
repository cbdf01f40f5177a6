using Conclave.Application.Members.Commands.DemoteMember;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R25 after the access and id checks: unknown user 404, then the group's own rules.
public sealed class DemoteMemberHandlerTests : MemberFixture
{
    [Fact]
    public async Task Demotes_an_admin_while_another_remains()
    {
        Group.Promote(Alice, Bob);
        await new DemoteMemberHandler(Groups, Users).Handle(new DemoteMemberCommand(Group.Id, Bob, Bytes(Alice)), default);
        Assert.Equal(GroupRole.Member, Group.RoleOf(Alice));
    }

    [Fact]
    public async Task Demote_of_an_unknown_target_is_not_found_before_the_admin_rules()
    {
        var refusal = await Refused(() => new DemoteMemberHandler(Groups, Users).Handle(new DemoteMemberCommand(Group.Id, Alice, Bytes(UserId.New())), default));
        Assert.Equal(DomainError.NotFound, refusal.Error);
    }

    [Fact]
    public async Task Demote_of_the_last_admin_is_refused()
    {
        var refusal = await Refused(() => new DemoteMemberHandler(Groups, Users).Handle(new DemoteMemberCommand(Group.Id, Alice, Bytes(Alice)), default));
        Assert.Equal((DomainError.BadRequest, "cannot demote the last admin"), (refusal.Error, refusal.Message));
    }
}
