using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Invites;
using MediatR;

namespace Conclave.Application.Invites.EventHandlers;

// CLARIFICATIONS item 131: InviteCancelled to the invitee, and InviteDeclined to the original inviter (not to the
// admin who cancelled, unless that is the inviter).
public sealed class NotifyOfInviteCancellation(IEventSink events) : INotificationHandler<DomainEventNotification<InviteCancelled>>
{
    public Task Handle(DomainEventNotification<InviteCancelled> notification, CancellationToken cancellationToken)
    {
        var cancelled = notification.Event;
        events.Publish(new InviteCancelledEvent(cancelled.GroupId), [cancelled.Invitee]);
        events.Publish(new InviteDeclinedEvent(cancelled.GroupId, cancelled.Invitee), [cancelled.Inviter]);
        return Task.CompletedTask;
    }
}
