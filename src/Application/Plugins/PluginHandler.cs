using Conclave.Plugins.Abstractions.Events;
using MediatR;

namespace Conclave.Application.Plugins;

/// <summary>One plugin class handling one event type (a class handling two is two of these).</summary>
public sealed record PluginHandler(Type HandlerType, Type EventType)
{
    /// <summary>Every public concrete INotificationHandler of a plugin event in <paramref name="types"/>, as Scrutor registers them.</summary>
    public static IEnumerable<PluginHandler> FoundIn(IEnumerable<Type> types) =>
        from type in types
        where type is { IsClass: true, IsAbstract: false, IsVisible: true, ContainsGenericParameters: false }
        from contract in type.GetInterfaces()
        where contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(INotificationHandler<>)
        let eventType = contract.GetGenericArguments()[0]
        where typeof(ConclaveEvent).IsAssignableFrom(eventType)
        select new PluginHandler(type, eventType);

    public bool Receives(ConclaveEvent pluginEvent) => EventType.IsInstanceOfType(pluginEvent);

    public override string ToString() => $"{HandlerType.FullName} ({EventType.Name})";
}
