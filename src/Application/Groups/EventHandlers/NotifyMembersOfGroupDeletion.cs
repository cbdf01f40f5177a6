using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS §3.1: everyone who was a member at deletion time, the deleting admin included.
public sealed class NotifyMembersOfGroupDeletion(IEventSink events) : INotificationHandler<DomainEventNotification<GroupDeleted>>
{
    public Task Handle(DomainEventNotification<GroupDeleted> notification, CancellationToken cancellationToken)
    {
        events.Publish(new GroupDeletedEvent(notification.Event.GroupId), notification.Event.Members);
        return Task.CompletedTask;
    }
}
