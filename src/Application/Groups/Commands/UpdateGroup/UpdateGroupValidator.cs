using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Groups.Commands.UpdateGroup;

// CLARIFICATIONS R16: the alias's rules, then the name's (when given); the name's 409, expiry and visibility follow in
// the handler and the aggregate, all before anything changes (decision 12).
public sealed class UpdateGroupValidator : AbstractValidator<UpdateGroupCommand>
{
    public UpdateGroupValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Alias).Cascade(CascadeMode.Stop).ProtocolAlias();
        RuleFor(c => c.GroupName).Cascade(CascadeMode.Stop).ProtocolName("group name").When(c => c.GroupName.Length > 0);
    }
}
