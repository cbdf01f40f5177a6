using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.UnitTests.Common.Events;

/// <summary>Hands a domain event to one of its handlers as the publisher does after the commit.</summary>
public static class Notifications
{
    public static Task Handle<TEvent>(INotificationHandler<DomainEventNotification<TEvent>> handler, TEvent domainEvent)
        where TEvent : IDomainEvent =>
        handler.Handle(new DomainEventNotification<TEvent>(domainEvent), default);
}
