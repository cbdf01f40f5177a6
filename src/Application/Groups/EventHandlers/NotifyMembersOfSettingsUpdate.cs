using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS §3.1: a metadata operation, so every member hears of it, the admin who made it included.
public sealed class NotifyMembersOfSettingsUpdate(IEventSink events) : INotificationHandler<DomainEventNotification<GroupSettingsUpdated>>
{
    public Task Handle(DomainEventNotification<GroupSettingsUpdated> notification, CancellationToken cancellationToken)
    {
        events.Publish(new GroupUpdateEvent(notification.Event.GroupId, GroupUpdateKind.GroupSettings), notification.Event.Members);
        return Task.CompletedTask;
    }
}
