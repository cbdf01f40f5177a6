using Conclave.Application.Common.Validation;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using FluentValidation;

namespace Conclave.Application.Accounts.Commands.Register;

// CLARIFICATIONS R1: the registration gate, then both emptiness checks, then each field's rules in order.
public sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator(RegistrationGate gate)
    {
        ClassLevelCascadeMode = CascadeMode.Stop;
        // The gate reads the invitations (a live one admits); it owns no field rule.
        RuleFor(c => c.RegistrationToken).CustomAsync(async (token, context, cancellationToken) =>
        {
            if (await gate.RefusalAsync(token, cancellationToken) is { } refusal)
                context.AddFailure(new FluentValidation.Results.ValidationFailure(nameof(RegisterCommand.RegistrationToken), refusal)
                    { ErrorCode = nameof(DomainError.Forbidden) });
        });
        RuleFor(c => c).Must(c => c.Username.Length > 0 && c.Password.Length > 0)
            .WithErrorCode(nameof(DomainError.BadRequest)).WithMessage("username and password are required");
        RuleFor(c => c.Username).Cascade(CascadeMode.Stop).ProtocolName("username");
        RuleFor(c => c.Password).Must(PasswordPolicy.IsLongEnough).WithMessage(PasswordPolicy.TooShort);
        RuleFor(c => c.Alias).Cascade(CascadeMode.Stop).ProtocolAlias();
    }
}
