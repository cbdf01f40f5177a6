using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.ChangePassword;

public sealed class ChangePasswordHandler(IUserRepository users, IPasswordHasher hasher, PasswordReplacement replacement)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(command.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
        if (!await hasher.VerifyAsync(user.PasswordHash, command.CurrentPassword, cancellationToken))
            throw new DomainException(DomainError.InvalidCredentials, "invalid password");
        if (command.NewPassword.Length == 0) throw new DomainException(DomainError.Validation, "password is required");
        if (!PasswordPolicy.IsLongEnough(command.NewPassword)) throw new DomainException(DomainError.Validation, PasswordPolicy.TooShort);

        await replacement.ReplaceAsync(user, command.NewPassword, cancellationToken);
        return Unit.Value;
    }
}
