using Conclave.Application.Common.Validation;
using FluentValidation;

namespace Conclave.Application.Invites.Commands.CancelInvite;

public sealed class CancelInviteValidator : AbstractValidator<CancelInviteCommand>
{
    public CancelInviteValidator() => RuleFor(c => c.InviteeId).WireId("invitee_id");
}
