using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS R40: every member but the sender.
public sealed class NotifyMembersOfNewMessage(IEventSink events) : INotificationHandler<DomainEventNotification<MessageSent>>
{
    public Task Handle(DomainEventNotification<MessageSent> notification, CancellationToken cancellationToken)
    {
        var message = notification.Event;
        events.Publish(new NewMessageEvent(message.GroupId, message.SequenceNum, message.Sender), Recipients.AllBut(message.Members, message.Sender));
        return Task.CompletedTask;
    }
}
