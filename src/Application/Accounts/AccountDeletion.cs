using Conclave.Application.Common.Persistence;
using Conclave.Application.Groups;
using Conclave.Domain.Users;

namespace Conclave.Application.Accounts;

/// <summary>
/// Deletes a user with everything that is theirs, in one transaction (decision 2), and lets the account tell the groups
/// it was in (<see cref="User.Delete"/>): for delete-account (after its password check) and for the operator's admin delete.
/// </summary>
public sealed class AccountDeletion(IUserRepository users, IMembershipQueries memberships, IUnitOfWork unitOfWork)
{
    public async Task DeleteAsync(User user, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        user.Delete(await memberships.GroupsOfAsync(user.Id, cancellationToken)); // the snapshot is taken inside the transaction
        await users.DeleteAsync(user, cancellationToken);
    }
}
