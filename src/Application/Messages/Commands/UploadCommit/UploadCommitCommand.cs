using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Messages.Commands.UploadCommit;

/// <summary>Every part is optional; an empty upload changes nothing (CLARIFICATIONS R39).</summary>
public sealed record UploadCommitCommand(GroupId GroupId, UserId Actor, byte[] CommitMessage, byte[] GroupInfo, string MlsGroupId)
    : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
