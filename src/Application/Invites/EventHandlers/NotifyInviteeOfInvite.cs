using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Invites;
using MediatR;

namespace Conclave.Application.Invites.EventHandlers;

// CLARIFICATIONS item 123: the invitee only; name and alias travel along because the invitee cannot look them up yet.
public sealed class NotifyInviteeOfInvite(IEventSink events) : INotificationHandler<DomainEventNotification<InviteEscrowed>>
{
    public Task Handle(DomainEventNotification<InviteEscrowed> notification, CancellationToken cancellationToken)
    {
        var invite = notification.Event;
        events.Publish(new InviteReceivedEvent(invite.InviteId, invite.GroupId, invite.GroupName, invite.GroupAlias, invite.Inviter), [invite.Invitee]);
        return Task.CompletedTask;
    }
}
