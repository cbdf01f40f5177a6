using Conclave.Application.Common.Persistence;
using Conclave.Application.Groups;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;

namespace Conclave.Application.Accounts;

/// <summary>
/// Deletes a user with everything that is theirs, in one transaction (decision 2), and tells each group they were in
/// who remains: for delete-account (after its password check) and for the operator's admin delete.
/// </summary>
public sealed class AccountDeletion(IUserRepository users, IMembershipQueries memberships, IUnitOfWork unitOfWork)
{
    public async Task DeleteAsync(User user, CancellationToken cancellationToken)
    {
        await unitOfWork.BeginAsync(cancellationToken);
        var groups = await memberships.GroupsOfAsync(user.Id, cancellationToken); // the snapshot is taken inside the transaction
        var remaining = groups
            .Select(g => new GroupMembers(g.GroupId, g.Members.Where(m => m != user.Id).ToList()))
            .Where(g => g.Members.Count > 0)
            .ToList();
        user.Delete(remaining);
        await users.DeleteAsync(user, cancellationToken);
    }
}
