using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS C9: a leaver is not told of their own departure; the remaining members are.
public sealed class NotifyMembersOfDeparture(IEventSink events) : INotificationHandler<DomainEventNotification<MemberLeft>>
{
    public Task Handle(DomainEventNotification<MemberLeft> notification, CancellationToken cancellationToken)
    {
        var departure = notification.Event;
        events.Publish(new MemberRemovedEvent(departure.GroupId, departure.Member), departure.Remaining);
        return Task.CompletedTask;
    }
}
