using Conclave.Application.Groups;
using Conclave.Domain.Common;

namespace Conclave.Application.Members;

public interface IMemberQueries
{
    /// <summary>The group's admins, by user id (CLARIFICATIONS §2.8).</summary>
    Task<IReadOnlyList<GroupMemberDto>> AdminsAsync(GroupId groupId, CancellationToken cancellationToken);

    /// <summary>The group's bans, oldest first (CLARIFICATIONS §2.8).</summary>
    Task<IReadOnlyList<BannedUserDto>> BannedAsync(GroupId groupId, CancellationToken cancellationToken);
}
