using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Common.Security;

/// <summary>
/// A request that only members (or admins) of a group may make. GroupAccessBehaviour checks it before
/// validation, as the reference does; the aggregate re-checks inside the transaction.
/// </summary>
public interface IGroupScoped
{
    GroupId GroupId { get; }
    UserId Actor { get; }
    GroupRole RequiredRole { get; }
    /// <summary>The route's message for a caller who is not an admin (spec: each admin route has its own).</summary>
    string NotAdminMessage => "only group admins can perform this action";
}
