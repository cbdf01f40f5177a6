using Conclave.Application.Common.Events;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.EventHandlers;

// CLARIFICATIONS decision 9 / §4.6: a password change ends every session of the user, so every stream closes.
public sealed class EndStreamsOnPasswordChange(IEventSink events) : INotificationHandler<DomainEventNotification<PasswordChanged>>
{
    public Task Handle(DomainEventNotification<PasswordChanged> notification, CancellationToken cancellationToken)
    {
        events.EndUserStreams(notification.Event.UserId);
        return Task.CompletedTask;
    }
}
