using Conclave.Application.Members.Commands.BanMember;
using Conclave.Application.Members.Commands.DemoteMember;
using Conclave.Application.Members.Commands.PromoteMember;
using Conclave.Application.Members.Commands.RemoveMember;
using Conclave.Application.Members.Commands.UnbanMember;
using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS §2.4: a body user_id is exactly 16 bytes, else 400 INPUT_VALIDATION "invalid user_id".
public sealed class TargetValidatorTests
{
    public static TheoryData<int, bool> Lengths => new() { { 0, false }, { 15, false }, { 16, true }, { 17, false } };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_target_command_checks_its_user_id(int length, bool valid)
    {
        var (group, actor, target) = (GroupId.New(), UserId.New(), new byte[length]);
        IEnumerable<string?> messages =
        [
            First(new RemoveMemberValidator(), new RemoveMemberCommand(group, actor, target, [], [])),
            First(new PromoteMemberValidator(), new PromoteMemberCommand(group, actor, target)),
            First(new DemoteMemberValidator(), new DemoteMemberCommand(group, actor, target)),
            First(new BanMemberValidator(), new BanMemberCommand(group, actor, target, [], [])),
            First(new UnbanMemberValidator(), new UnbanMemberCommand(group, actor, target)),
        ];
        Assert.All(messages, message => Assert.Equal(valid ? null : "invalid user_id", message));
    }

    private static string? First<T>(IValidator<T> validator, T command) => validator.Validate(command).Errors.FirstOrDefault()?.ErrorMessage;
}
