using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Application.Groups;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.EventHandlers;

// CLARIFICATIONS §3.1 / item 58: one GroupUpdate(GROUP_SETTINGS) per group of the user, to every member, the user
// included, even when the alias did not change; no groups, no event.
public sealed class NotifyGroupsOfProfileUpdate(IMembershipQueries memberships, IEventSink events)
    : INotificationHandler<DomainEventNotification<ProfileUpdated>>
{
    public async Task Handle(DomainEventNotification<ProfileUpdated> notification, CancellationToken cancellationToken)
    {
        foreach (var group in await memberships.GroupsOfAsync(notification.Event.UserId, cancellationToken))
            events.Publish(new GroupUpdateEvent(group.GroupId, GroupUpdateKind.GroupSettings), group.Members);
    }
}
