using System.Collections.Concurrent;
using System.Reflection;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Plugins;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Common.Events;

// The core's handlers (the SSE fan-out) run here, before the response; plugin handlers get the plugin form of each
// event through their queues, so they can neither delay nor fail the request.
public sealed class DomainEventPublisher(IMediator mediator, PluginEventDispatcher plugins, TimeProvider clock)
{
    // One wrapper per event type, made once: reflection per event cost more than the rest of publishing it.
    private static readonly ConcurrentDictionary<Type, Func<IDomainEvent, INotification>> Notifications = new();
    private static readonly MethodInfo NotificationOfMethod =
        typeof(DomainEventPublisher).GetMethod(nameof(NotificationOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Publishes a durable commit's events once every earlier commit's are out (<see cref="PublicationOrder"/>), then
    /// gives its turn up, events or not.
    /// </summary>
    public async Task PublishInTurnAsync(Committed committed)
    {
        using (committed.Turn)
        {
            if (committed.Events.Count == 0) return;
            await committed.Turn.WaitAsync();
            // Not the request's token: once committed, the events must go out even if the client has gone.
            await PublishAsync(committed.Events, CancellationToken.None);
        }
    }

    private async Task PublishAsync(IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var committedAt = clock.GetUtcNow();
        foreach (var domainEvent in events)
        {
            await mediator.Publish(Notification(domainEvent), cancellationToken);
            if (plugins.HasHandlers && PluginEvents.From(domainEvent) is { } pluginEvent)
                plugins.Enqueue(pluginEvent with { OccurredAt = committedAt });
        }
    }

    private static INotification Notification(IDomainEvent domainEvent) =>
        Notifications.GetOrAdd(domainEvent.GetType(), static type =>
            (Func<IDomainEvent, INotification>)NotificationOfMethod.MakeGenericMethod(type).Invoke(null, null)!)(domainEvent);

    private static Func<IDomainEvent, INotification> NotificationOf<TEvent>() where TEvent : IDomainEvent =>
        static domainEvent => new DomainEventNotification<TEvent>((TEvent)domainEvent);
}
