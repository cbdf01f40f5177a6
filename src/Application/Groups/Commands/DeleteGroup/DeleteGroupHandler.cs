using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.Commands.DeleteGroup;

// Everything of the group (members, messages, GroupInfo, invites, welcomes, bans, watermarks) goes with it by cascade (C39).
public sealed class DeleteGroupHandler(IGroupRepository groups) : IRequestHandler<DeleteGroupCommand, Unit>
{
    public async Task<Unit> Handle(DeleteGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetForAsync(command, cancellationToken);
        group.Delete(command.Actor);
        await groups.DeleteAsync(group, cancellationToken);
        return Unit.Value;
    }
}
