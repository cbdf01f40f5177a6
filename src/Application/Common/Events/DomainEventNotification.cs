using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Common.Events;

/// <summary>A domain event published after its transaction committed. Subscribe with INotificationHandler of this type.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent Event) : INotification where TEvent : IDomainEvent;
