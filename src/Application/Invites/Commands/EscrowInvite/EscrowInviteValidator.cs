using Conclave.Application.Common.Validation;
using Conclave.Domain.Common;
using FluentValidation;

namespace Conclave.Application.Invites.Commands.EscrowInvite;

public sealed class EscrowInviteValidator : AbstractValidator<EscrowInviteCommand>
{
    public EscrowInviteValidator()
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.InviteeId).Cascade(CascadeMode.Stop)
            .Must(id => id.Length > 0).WithErrorCode(nameof(DomainError.BadRequest)).WithMessage("invitee_id is required")
            .WireId("invitee_id");
        RuleFor(c => c).Must(c => c.CommitMessage.Length > 0 && c.WelcomeMessage.Length > 0 && c.GroupInfo.Length > 0)
            .WithErrorCode(nameof(DomainError.BadRequest)).WithMessage("commit_message, welcome_message, and group_info are required");
    }
}
