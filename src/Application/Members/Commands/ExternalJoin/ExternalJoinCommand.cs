using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Members.Commands.ExternalJoin;

public sealed record ExternalJoinCommand(GroupId GroupId, UserId Actor, byte[] CommitMessage, string MlsGroupId) : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
