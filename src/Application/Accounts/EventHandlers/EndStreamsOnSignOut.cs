using Conclave.Application.Common.Events;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.Accounts.EventHandlers;

// The operator's sign-out ends every session of the user, so every stream closes, as after a password change.
public sealed class EndStreamsOnSignOut(IEventSink events) : INotificationHandler<DomainEventNotification<SignedOutEverywhere>>
{
    public Task Handle(DomainEventNotification<SignedOutEverywhere> notification, CancellationToken cancellationToken)
    {
        events.EndUserStreams(notification.Event.UserId);
        return Task.CompletedTask;
    }
}
