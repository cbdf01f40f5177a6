using Conclave.Application.Accounts;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Administration.Commands.DeleteUser;

public sealed class DeleteUserHandler(IUserRepository users, AccountDeletion deletion) : IRequestHandler<DeleteUserCommand, Unit>
{
    public async Task<Unit> Handle(DeleteUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByUsernameAsync(command.Username, cancellationToken) ?? throw DomainException.UserNotFound();
        await deletion.DeleteAsync(user, cancellationToken);
        return Unit.Value;
    }
}
