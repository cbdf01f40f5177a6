using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;

namespace Conclave.Application.Accounts;

/// <summary>
/// Gives a user a new password and signs every device out, the current one too (spec api/accounts.md): for
/// change-password (after its checks) and for the operator's reset. The hash is computed before the write lock.
/// </summary>
public sealed class PasswordReplacement(ISessionRepository sessions, IPasswordHasher hasher, IUnitOfWork unitOfWork)
{
    public async Task ReplaceAsync(User user, string newPassword, CancellationToken cancellationToken)
    {
        var passwordHash = await hasher.HashAsync(newPassword, cancellationToken);
        await unitOfWork.BeginAsync(cancellationToken);
        user.ChangePassword(passwordHash);
        await sessions.RemoveAllAsync(user.Id, cancellationToken);
    }
}
