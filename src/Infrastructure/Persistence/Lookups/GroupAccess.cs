using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Infrastructure.Persistence.Lookups;

/// <summary>
/// Every group-scoped request asks it (GroupAccessBehaviour): kept until the next write that may change a membership,
/// else one prepared statement; no EF context. Every group-scoped request is authenticated first, and that session
/// look-up has just checked for other processes' writes.
/// </summary>
internal sealed class GroupAccess(AccessLookups lookups, AccessEpoch epoch) : IGroupAccess
{
    private const int KeptRoles = 65_536;

    private readonly KeptReads<(GroupId, UserId), GroupRole?> _kept = new(epoch, KeptRoles, ids => lookups.RoleOf(ids.Item1, ids.Item2), followsACheck: true);

    public Task<GroupRole?> RoleOfAsync(GroupId groupId, UserId userId, CancellationToken cancellationToken) =>
        Task.FromResult(_kept.Read((groupId, userId)));
}
