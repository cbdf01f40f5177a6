using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.Commands.CreateGroup;

public sealed class CreateGroupHandler(IGroupRepository groups, TimeProvider clock) : IRequestHandler<CreateGroupCommand, GroupId>
{
    public async Task<GroupId> Handle(CreateGroupCommand command, CancellationToken cancellationToken)
    {
        if (await groups.NameTakenAsync(command.GroupName, cancellationToken)) throw Group.NameTaken(command.GroupName);
        var group = Group.Create(command.GroupName, command.Alias, command.Actor, clock.GetUtcNow().ToUnixTimeSeconds());
        groups.Add(group);
        return group.Id;
    }
}
