using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Members.Commands.LeaveGroup;

/// <summary>Both blobs are optional: an empty request just ends the membership (R23).</summary>
public sealed record LeaveGroupCommand(GroupId GroupId, UserId Actor, byte[] CommitMessage, byte[] GroupInfo) : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
