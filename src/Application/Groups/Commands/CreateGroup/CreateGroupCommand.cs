using Conclave.Domain.Common;
using Conclave.Plugins.Abstractions.Policies;
using MediatR;

namespace Conclave.Application.Groups.Commands.CreateGroup;

public sealed record CreateGroupCommand(UserId Actor, string GroupName, string Alias) : IRequest<GroupId>, ICreatesGroup
{
    Guid ICreatesGroup.ActorId => Actor.Value;
}
