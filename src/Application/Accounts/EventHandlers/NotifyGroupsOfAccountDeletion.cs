using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.EventHandlers;

// CLARIFICATIONS C9 / item 63: MemberRemoved per group to the remaining members only; the event lists only groups
// that still have members.
public sealed class NotifyGroupsOfAccountDeletion(IEventSink events) : INotificationHandler<DomainEventNotification<AccountDeleted>>
{
    public Task Handle(DomainEventNotification<AccountDeleted> notification, CancellationToken cancellationToken)
    {
        var deleted = notification.Event;
        foreach (var group in deleted.Groups)
            events.Publish(new MemberRemovedEvent(group.GroupId, deleted.UserId), group.Members);
        return Task.CompletedTask;
    }
}
