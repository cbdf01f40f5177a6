using Conclave.Domain.Common;

namespace Conclave.Application.Groups;

public interface IGroupQueries
{
    /// <summary>The user's groups by name (binary order), each with its members by user id (CLARIFICATIONS §2.8).</summary>
    Task<IReadOnlyList<GroupDto>> GroupsOfAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>Public groups whose name is LIKE '%<paramref name="pattern"/>%' (CLARIFICATIONS C37), by name.</summary>
    Task<IReadOnlyList<PublicGroupDto>> PublicGroupsAsync(string pattern, CancellationToken cancellationToken);

    /// <summary>The group's own message expiry, or null when the group does not exist.</summary>
    Task<long?> MessageExpiryAsync(GroupId groupId, CancellationToken cancellationToken);
}
