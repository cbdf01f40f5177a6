using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.Members.Commands.InviteToGroup;

// CLARIFICATIONS R21: the empty list is refused before the admin check (even for non-admins); the ids
// themselves are checked one by one in the handler, after it.
public sealed class InviteToGroupValidator : AbstractValidator<InviteToGroupCommand>
{
    public InviteToGroupValidator() => RuleFor(c => c.UserIds).NotEmpty()
        .WithErrorCode(nameof(DomainError.BadRequest)).WithMessage("at least one user_id is required");
}
