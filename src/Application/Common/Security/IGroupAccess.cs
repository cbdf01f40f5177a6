using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Common.Security;

public interface IGroupAccess
{
    /// <summary>The caller's role, or null when the group does not exist or the caller is not a member.</summary>
    Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId, CancellationToken cancellationToken);
}
