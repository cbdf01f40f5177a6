using Conclave.Plugins.Abstractions.Events;
using MediatR;

namespace FaultyPlugin;

/// <summary>Fails on every event.</summary>
public sealed class ThrowingHandler : INotificationHandler<ConclaveEvent>
{
    public Task Handle(ConclaveEvent notification, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"FaultyPlugin refuses {notification.GetType().Name}");
}
