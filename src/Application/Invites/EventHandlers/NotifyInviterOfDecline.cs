using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Invites;
using MediatR;

namespace Conclave.Application.Invites.EventHandlers;

// CLARIFICATIONS item 130: the inviter only, so it can evict the invitee's phantom leaf (flows/key-rotation.md).
public sealed class NotifyInviterOfDecline(IEventSink events) : INotificationHandler<DomainEventNotification<InviteDeclined>>
{
    public Task Handle(DomainEventNotification<InviteDeclined> notification, CancellationToken cancellationToken)
    {
        var declined = notification.Event;
        events.Publish(new InviteDeclinedEvent(declined.GroupId, declined.Invitee), [declined.Inviter]);
        return Task.CompletedTask;
    }
}
