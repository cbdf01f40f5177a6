using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Members.Commands.BanMember;

public sealed class BanMemberValidator : AbstractValidator<BanMemberCommand>
{
    public BanMemberValidator() => RuleFor(c => c.Target).WireId("user_id");
}
