using Conclave.Application.Common.Settings;
using Conclave.Application.Groups;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using MediatR;

namespace Conclave.Application.Messages.Commands.SendMessage;

public sealed class SendMessageHandler(IGroupRepository groups, GroupBlobs blobs, IFetchWatermarkRepository watermarks, ServerSettings settings)
    : IRequestHandler<SendMessageCommand, long>
{
    public async Task<long> Handle(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetForAsync(command, cancellationToken);
        var sequence = group.SendMessage(command.Actor); // the group's counter, bumped under the write lock (decision 1)
        blobs.AddMessage(group.Id, sequence, command.Actor, command.MlsMessage);
        // R40: the sender has seen their own message (decision 5: also when the server's retention is 0).
        if (RetentionPolicy.TracksWatermarks(settings.MessageRetentionSeconds, group.MessageExpirySeconds))
            await watermarks.AdvanceAsync(group.Id, command.Actor, sequence, cancellationToken);
        return sequence;
    }
}
