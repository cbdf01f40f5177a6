using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Groups.Queries.GetRetentionPolicy;

public sealed record GetRetentionPolicyQuery(GroupId GroupId, UserId Actor) : IQuery<RetentionPolicyDto>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
