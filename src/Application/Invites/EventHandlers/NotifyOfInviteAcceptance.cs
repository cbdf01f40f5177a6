using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Invites;
using MediatR;

namespace Conclave.Application.Invites.EventHandlers;

// CLARIFICATIONS C10 / item 129: the invitee gets its Welcome; every other member, the inviter (the commit's
// author) included, gets GroupUpdate(COMMIT).
public sealed class NotifyOfInviteAcceptance(IEventSink events) : INotificationHandler<DomainEventNotification<InviteAccepted>>
{
    public Task Handle(DomainEventNotification<InviteAccepted> notification, CancellationToken cancellationToken)
    {
        var accepted = notification.Event;
        events.Publish(new WelcomeEvent(accepted.GroupId, accepted.GroupAlias), [accepted.Invitee]);
        events.Publish(new GroupUpdateEvent(accepted.GroupId, GroupUpdateKind.Commit), Recipients.AllBut(accepted.Members, accepted.Invitee));
        return Task.CompletedTask;
    }
}
