using Conclave.Application.Members.Commands.UnbanMember;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R28 after the access and id checks: unknown user 404, then the group's own rules.
public sealed class UnbanMemberHandlerTests : MemberFixture
{
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
