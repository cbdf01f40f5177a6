using Conclave.Application.Common.Settings;
using MediatR;

namespace Conclave.Application.Messages.Commands.SendMessage;

public sealed class SendMessageHandler(IMessageLog log, ServerSettings settings, TimeProvider clock) : IRequestHandler<SendMessageCommand, long>
{
    public Task<long> Handle(SendMessageCommand command, CancellationToken cancellationToken) =>
        log.AppendAsync(command.GroupId, group => group.Send(command.Actor, command.MlsMessage,
            clock.GetUtcNow().ToUnixTimeSeconds(), settings.MessageRetentionSeconds), cancellationToken);
}
