using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Groups.EventHandlers;

// CLARIFICATIONS C10 / item 119: a public-room joiner's commit goes to everyone, the joiner included; a member
// rejoining after an account reset is announced as an identity reset to everyone else.
public sealed class NotifyMembersOfExternalJoin(IEventSink events) : INotificationHandler<DomainEventNotification<ExternalJoinCompleted>>
{
    public Task Handle(DomainEventNotification<ExternalJoinCompleted> notification, CancellationToken cancellationToken)
    {
        var join = notification.Event;
        if (join.WasPendingJoin)
            events.Publish(new GroupUpdateEvent(join.GroupId, GroupUpdateKind.Commit), join.Members);
        else
            events.Publish(new IdentityResetEvent(join.GroupId, join.Member), Recipients.AllBut(join.Members, join.Member));
        return Task.CompletedTask;
    }
}
