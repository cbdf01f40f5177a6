using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Members.Commands.RemoveMember;

public sealed class RemoveMemberValidator : AbstractValidator<RemoveMemberCommand>
{
    public RemoveMemberValidator() => RuleFor(c => c.Target).WireId("user_id");
}
