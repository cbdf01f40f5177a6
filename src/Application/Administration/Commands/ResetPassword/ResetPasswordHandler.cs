using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Administration.Commands.ResetPassword;

public sealed class ResetPasswordHandler(IUserRepository users, ISessionRepository sessions, IPasswordHasher hasher, IUnitOfWork unitOfWork)
    : IRequestHandler<ResetPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByUsernameAsync(command.Username, cancellationToken) ?? throw DomainException.UserNotFound();
        var passwordHash = await hasher.HashAsync(command.NewPassword, cancellationToken); // outside the write lock, as change-password
        await unitOfWork.BeginAsync(cancellationToken);
        user.ChangePassword(passwordHash);
        await sessions.RemoveAllAsync(user.Id, cancellationToken); // every device signs in again, as after change-password
        return Unit.Value;
    }
}
