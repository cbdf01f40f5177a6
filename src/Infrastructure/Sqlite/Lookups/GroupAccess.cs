using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Infrastructure.Sqlite.Lookups;

/// <summary>
/// Every group-scoped request asks it (GroupAccessBehaviour): kept until the next write that may change a membership,
/// else one prepared statement; no EF context.
/// </summary>
internal sealed class GroupAccess(AccessLookups lookups, AccessEpoch epoch) : IGroupAccess
{
    private const int KeptRoles = 65_536;

    private static readonly Task<GroupRole?> NotMember = Task.FromResult<GroupRole?>(null);

    // The completed task is what is kept: a kept answer costs no allocation.
    private readonly KeptReads<(GroupId, UserId), Task<GroupRole?>?> _kept = new(epoch, KeptRoles,
        ids => lookups.RoleOf(ids.Item1, ids.Item2) is { } role ? Task.FromResult<GroupRole?>(role) : null);

    public Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId, CancellationToken cancellationToken) =>
        _kept.Read((groupId, userId)) ?? NotMember;
}
