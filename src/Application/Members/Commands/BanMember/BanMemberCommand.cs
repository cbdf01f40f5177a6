using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Members.Commands.BanMember;

/// <summary>
/// <paramref name="Target"/> is the body's user_id, unchecked until the validator has run. The blobs count only when
/// the target is a member (then the ban removes them like remove does, R27).
/// </summary>
public sealed record BanMemberCommand(GroupId GroupId, UserId Actor, byte[] Target, byte[] CommitMessage, byte[] GroupInfo)
    : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Admin;
    public string NotAdminMessage => AdminOnly.Ban;
}
