using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Members.Queries.ListAdmins;

/// <summary>Open to every member (CLARIFICATIONS R26).</summary>
public sealed record ListAdminsQuery(GroupId GroupId, UserId Actor) : IQuery<IReadOnlyList<GroupMemberDto>>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
