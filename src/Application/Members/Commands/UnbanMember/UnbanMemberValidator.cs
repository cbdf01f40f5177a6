using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Members.Commands.UnbanMember;

public sealed class UnbanMemberValidator : AbstractValidator<UnbanMemberCommand>
{
    public UnbanMemberValidator() => RuleFor(c => c.Target).WireId("user_id");
}
