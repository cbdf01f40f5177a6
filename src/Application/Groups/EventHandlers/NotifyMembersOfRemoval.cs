using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS §3.1: remove, and ban of a member, tell the remaining members and the removed user.
public sealed class NotifyMembersOfRemoval(IEventSink events) : INotificationHandler<DomainEventNotification<MemberRemoved>>
{
    public Task Handle(DomainEventNotification<MemberRemoved> notification, CancellationToken cancellationToken)
    {
        var removal = notification.Event;
        events.Publish(new MemberRemovedEvent(removal.GroupId, removal.Target), [.. removal.Remaining, removal.Target]);
        return Task.CompletedTask;
    }
}
