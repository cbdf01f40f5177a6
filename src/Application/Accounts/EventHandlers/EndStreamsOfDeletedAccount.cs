using Conclave.Application.Common.Events;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.EventHandlers;

// CLARIFICATIONS decision 9 / §4.6: account deletion ends every session of the user, so every stream closes.
public sealed class EndStreamsOfDeletedAccount(IEventSink events) : INotificationHandler<DomainEventNotification<AccountDeleted>>
{
    public Task Handle(DomainEventNotification<AccountDeleted> notification, CancellationToken cancellationToken)
    {
        events.EndUserStreams(notification.Event.UserId);
        return Task.CompletedTask;
    }
}
