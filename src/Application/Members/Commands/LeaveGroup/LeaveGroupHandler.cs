using Conclave.Application.Groups;
using Conclave.Application.Messages;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Members.Commands.LeaveGroup;

// The last admin may leave, and the last member: the empty group stays (C34, §6.2).
public sealed class LeaveGroupHandler(IGroupRepository groups, GroupBlobs blobs) : IRequestHandler<LeaveGroupCommand, Unit>
{
    public async Task<Unit> Handle(LeaveGroupCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetForAsync(command, cancellationToken);
        group.Leave(command.Actor);
        await blobs.StoreAsync(group, command.Actor, command.GroupInfo, command.CommitMessage, cancellationToken);
        return Unit.Value;
    }
}
