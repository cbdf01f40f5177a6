using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.ChangePassword;

public sealed class ChangePasswordHandler(IUserRepository users, ISessionRepository sessions, IPasswordHasher hasher, IUnitOfWork unitOfWork)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    public async Task<Unit> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(command.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
        if (!await hasher.VerifyAsync(user.PasswordHash, command.CurrentPassword, cancellationToken))
            throw new DomainException(DomainError.InvalidCredentials, "invalid password");
        if (command.NewPassword.Length == 0) throw new DomainException(DomainError.Validation, "password is required");
        if (!PasswordPolicy.IsLongEnough(command.NewPassword)) throw new DomainException(DomainError.Validation, PasswordPolicy.TooShort);

        var passwordHash = await hasher.HashAsync(command.NewPassword, cancellationToken);
        await unitOfWork.BeginAsync(cancellationToken);
        user.ChangePassword(passwordHash);
        await sessions.RemoveAllAsync(user.Id, cancellationToken); // the current session too (spec api/accounts.md)
        return Unit.Value;
    }
}
