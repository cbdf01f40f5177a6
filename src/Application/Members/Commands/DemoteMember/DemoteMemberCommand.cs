using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Members.Commands.DemoteMember;

/// <summary><paramref name="Target"/> is the body's user_id, unchecked until the validator has run.</summary>
public sealed record DemoteMemberCommand(GroupId GroupId, UserId Actor, byte[] Target) : IRequest<Unit>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Admin;
    public string NotAdminMessage => AdminOnly.Demote;
}
