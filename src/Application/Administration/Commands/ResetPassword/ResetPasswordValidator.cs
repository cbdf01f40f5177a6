using Conclave.Domain.Users;
using FluentValidation;

namespace Conclave.Application.Administration.Commands.ResetPassword;

// The password rules of registration and change-password (spec appendices/validation-rules.md).
public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator() => RuleFor(c => c.NewPassword).Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage("password is required")
        .Must(PasswordPolicy.IsLongEnough).WithMessage(PasswordPolicy.TooShort);
}
