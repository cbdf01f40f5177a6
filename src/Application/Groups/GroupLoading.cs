using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Groups;

public static class GroupLoading
{
    /// <summary>
    /// The group a scoped command acts on, loaded inside its transaction. A group deleted since the access check is
    /// refused like any group the caller is not in (spec appendices/error-codes.md: 401, never 404).
    /// </summary>
    public static async Task<Group> GetForAsync(this IGroupRepository groups, IGroupScoped request, CancellationToken cancellationToken) =>
        await groups.GetAsync(request.GroupId, cancellationToken)
            ?? throw (request.RequiredRole == GroupRole.Admin ? DomainException.NotAdmin(request.NotAdminMessage) : DomainException.NotMember());
}
