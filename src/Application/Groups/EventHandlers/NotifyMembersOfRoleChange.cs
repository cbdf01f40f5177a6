using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS §3.1: promote and demote tell every member after the change, the caller included.
public sealed class NotifyMembersOfRoleChange(IEventSink events) : INotificationHandler<DomainEventNotification<MemberRoleChanged>>
{
    public Task Handle(DomainEventNotification<MemberRoleChanged> notification, CancellationToken cancellationToken)
    {
        events.Publish(new GroupUpdateEvent(notification.Event.GroupId, GroupUpdateKind.RoleChange), notification.Event.Members);
        return Task.CompletedTask;
    }
}
