using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Groups.Queries.GetGroupInfo;

/// <summary>The group's stored MLS GroupInfo blob.</summary>
public sealed record GetGroupInfoQuery(GroupId GroupId, UserId Actor) : IQuery<byte[]>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
