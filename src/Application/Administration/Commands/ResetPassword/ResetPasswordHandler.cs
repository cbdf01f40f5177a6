using Conclave.Application.Accounts;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Administration.Commands.ResetPassword;

public sealed class ResetPasswordHandler(IUserRepository users, PasswordReplacement replacement)
    : IRequestHandler<ResetPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.GetByUsernameAsync(command.Username, cancellationToken) ?? throw DomainException.UserNotFound();
        await replacement.ReplaceAsync(user, command.NewPassword, cancellationToken);
        return Unit.Value;
    }
}
