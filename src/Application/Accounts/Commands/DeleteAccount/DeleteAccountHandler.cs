using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.Commands.DeleteAccount;

public sealed class DeleteAccountHandler(IUserRepository users, IPasswordHasher hasher, AccountDeletion deletion)
    : IRequestHandler<DeleteAccountCommand, Unit>
{
    public async Task<Unit> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(command.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
        if (!await hasher.VerifyAsync(user.PasswordHash, command.Password, cancellationToken))
            throw new DomainException(DomainError.InvalidCredentials, "invalid password");

        await deletion.DeleteAsync(user, cancellationToken);
        return Unit.Value;
    }
}
