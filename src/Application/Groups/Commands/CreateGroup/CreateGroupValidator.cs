using Conclave.Application.Common.Validation;
using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.Groups.Commands.CreateGroup;

// CLARIFICATIONS R14: name required (INPUT_BAD_REQUEST), then its length and characters, then the alias.
public sealed class CreateGroupValidator : AbstractValidator<CreateGroupCommand>
{
    public CreateGroupValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.GroupName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(nameof(DomainError.BadRequest)).WithMessage("group_name is required")
            .ProtocolName("group name");
        RuleFor(c => c.Alias).Cascade(CascadeMode.Stop).ProtocolAlias();
    }
}
