using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Administration.Commands.SignOutUser;

public sealed class SignOutUserHandler(IUserRepository users, ISessionRepository sessions) : IRequestHandler<SignOutUserCommand, int>
{
    public async Task<int> Handle(SignOutUserCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByUsernameAsync(command.Username, cancellationToken) ?? throw DomainException.UserNotFound();
        user.SignOutEverywhere();
        return await sessions.RemoveAllAsync(user.Id, cancellationToken);
    }
}
