using Conclave.Application.Common.Settings;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.Commands.UpdateGroup;

public sealed class UpdateGroupHandler(IGroupRepository groups, ServerSettings settings) : IRequestHandler<UpdateGroupCommand, Unit>
{
    public async Task<Unit> Handle(UpdateGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetForAsync(command, cancellationToken);
        // Renaming a group to its own name is not a conflict (R16).
        if (command.GroupName.Length > 0 && command.GroupName != group.Name && await groups.NameTakenAsync(command.GroupName, cancellationToken))
            throw Group.NameTaken(command.GroupName);
        group.UpdateSettings(command.Actor, command.Alias, command.GroupName, command.MessageExpirySeconds, command.Visibility,
            settings.MessageRetentionSeconds);
        return Unit.Value;
    }
}
