using Conclave.Domain.Common;
using Conclave.Domain.Users;

namespace Conclave.Application.Users;

public static class KnownUsers
{
    /// <summary>Refuses with 404 "user not found" unless a user has <paramref name="id"/>: the target check of the member routes.</summary>
    public static async Task RequireAsync(this IUserRepository users, UserId id, CancellationToken cancellationToken)
    {
        if (!await users.ExistsAsync(id, cancellationToken)) throw DomainException.UserNotFound();
    }
}
