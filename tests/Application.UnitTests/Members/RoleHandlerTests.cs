using Conclave.Application.Members.Commands.DemoteMember;
using Conclave.Application.Members.Commands.PromoteMember;
using Conclave.Application.Members.Commands.UnbanMember;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using NSubstitute;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R24, R25, R28 after the access and id checks: unknown user 404, then the group's own rules.
public sealed class RoleHandlerTests : MemberFixture
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

    [Fact]
    public async Task Unbans_a_banned_user()
    {
        Group.Ban(Alice, Carol, Now);
        await new UnbanMemberHandler(Groups, Users).Handle(new UnbanMemberCommand(Group.Id, Alice, Bytes(Carol)), default);
        Assert.False(Group.IsBanned(Carol));
    }

    [Fact]
    public async Task Unban_of_an_unknown_target_is_not_found_before_the_ban_is_looked_up()
    {
        var refusal = await Refused(() => new UnbanMemberHandler(Groups, Users).Handle(new UnbanMemberCommand(Group.Id, Alice, Bytes(UserId.New())), default));
        Assert.Equal(DomainError.NotFound, refusal.Error);
        await Groups.DidNotReceiveWithAnyArgs().GetAsync(default, default);
    }

    [Fact]
    public async Task Unban_of_a_user_who_is_not_banned_is_a_bad_request()
    {
        var refusal = await Refused(() => new UnbanMemberHandler(Groups, Users).Handle(new UnbanMemberCommand(Group.Id, Alice, Bytes(Carol)), default));
        Assert.Equal((DomainError.BadRequest, "user is not banned from this group"), (refusal.Error, refusal.Message));
    }
}
