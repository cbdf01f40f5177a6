using Conclave.Application.Plugins;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Common.Events;

// The core's handlers (the SSE fan-out) run here, before the response; plugin handlers get the plugin form of each
// event through their queues, so they can neither delay nor fail the request.
public sealed class DomainEventPublisher(IMediator mediator, PluginEventDispatcher plugins, TimeProvider clock)
{
    public async Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var committedAt = clock.GetUtcNow();
        foreach (var domainEvent in events)
        {
            var notificationType = typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType());
            var notification = (INotification)Activator.CreateInstance(notificationType, domainEvent)!;
            await mediator.Publish(notification, cancellationToken);
            if (plugins.HasHandlers && PluginEvents.From(domainEvent) is { } pluginEvent)
                plugins.Enqueue(pluginEvent with { OccurredAt = committedAt });
        }
    }
}
