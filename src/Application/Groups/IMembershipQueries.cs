using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Groups;

public interface IMembershipQueries
{
    /// <summary>Every group the user belongs to, in group-name order, with all its current members (the user included).</summary>
    Task<IReadOnlyList<GroupMembers>> GroupsOfAsync(UserId userId, CancellationToken cancellationToken);
}
