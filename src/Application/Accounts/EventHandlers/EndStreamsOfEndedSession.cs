using Conclave.Application.Common.Events;
using Conclave.Domain.Sessions;
using MediatR;

namespace Conclave.Application.Accounts.EventHandlers;

// CLARIFICATIONS decision 9 / §8.5: logout closes the streams of that session only.
public sealed class EndStreamsOfEndedSession(IEventSink events) : INotificationHandler<DomainEventNotification<SessionEnded>>
{
    public Task Handle(DomainEventNotification<SessionEnded> notification, CancellationToken cancellationToken)
    {
        events.EndSessionStreams(notification.Event.UserId, notification.Event.TokenHash);
        return Task.CompletedTask;
    }
}
