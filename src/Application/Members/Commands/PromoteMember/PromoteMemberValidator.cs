using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Members.Commands.PromoteMember;

public sealed class PromoteMemberValidator : AbstractValidator<PromoteMemberCommand>
{
    public PromoteMemberValidator() => RuleFor(c => c.Target).WireId("user_id");
}
