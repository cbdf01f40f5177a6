using Conclave.Application.Common.Events;
using Conclave.Application.Common.Settings;
using MediatR;

namespace Conclave.Application.Messages.Commands.SendMessage;

// The handler decides the send, the message log stores it with others and answers once it is durable; its events then
// go out in its turn, as every command's do.
public sealed class SendMessageHandler(IMessageLog log, DomainEventPublisher publisher, ServerSettings settings, TimeProvider clock)
    : IRequestHandler<SendMessageCommand, long>
{
    public async Task<long> Handle(SendMessageCommand command, CancellationToken cancellationToken)
    {
        var send = new MessageSend(command.GroupId, command.Actor, command.MlsMessage, clock.GetUtcNow().ToUnixTimeSeconds(),
            settings.MessageRetentionSeconds);
        var appended = await log.AppendAsync(send);
        await publisher.PublishInTurnAsync(appended.Commit);
        return appended.Sequence;
    }
}
