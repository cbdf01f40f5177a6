using Conclave.Domain.Common;
using Conclave.Plugins.Abstractions.Policies;
using MediatR;

namespace Conclave.Application.Groups.Commands.JoinGroup;

/// <summary>
/// Joins a public group and returns its stored GroupInfo for the external commit. Not group-scoped: a missing group
/// is 404 here, the only such route (CLARIFICATIONS R18, C15).
/// </summary>
public sealed record JoinGroupCommand(GroupId GroupId, UserId Actor) : IRequest<byte[]>, IAddsGroupMember
{
    Guid IAddsGroupMember.GroupId => GroupId.Value;
    Guid IAddsGroupMember.ActorId => Actor.Value;
    Guid IAddsGroupMember.NewMemberId => Actor.Value;
}
