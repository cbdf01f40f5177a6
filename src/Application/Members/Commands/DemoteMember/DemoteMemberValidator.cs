using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Members.Commands.DemoteMember;

public sealed class DemoteMemberValidator : AbstractValidator<DemoteMemberCommand>
{
    public DemoteMemberValidator() => RuleFor(c => c.Target).WireId("user_id");
}
