using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Members.Commands.ExternalJoin;

// Decision 14 bounds mls_group_id wherever it is recorded: here as on commit upload, after the membership check.
public sealed class ExternalJoinValidator : AbstractValidator<ExternalJoinCommand>
{
    public ExternalJoinValidator() => RuleFor(c => c.MlsGroupId).MlsGroupId();
}
