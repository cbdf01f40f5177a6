using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Messages.Commands.UploadCommit;

// Decision 14, after the membership check (the command is group-scoped) and before anything is stored.
public sealed class UploadCommitValidator : AbstractValidator<UploadCommitCommand>
{
    public UploadCommitValidator() => RuleFor(c => c.MlsGroupId).MlsGroupId();
}
