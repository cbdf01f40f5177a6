using System.Reflection;
using Conclave.Application.Plugins;
using MediatR;

namespace Conclave.Api.Plugins;

/// <summary>A plugin assembly loaded from its folder, with what scanning will register from it.</summary>
public sealed record LoadedPlugin(string Name, string Version, string Path, Assembly Assembly)
{
    public IReadOnlyList<PluginHandler> Handlers => PluginHandler.FoundIn(Assembly.GetExportedTypes()).ToList();

    /// <summary>Its public pipeline behaviours (Scrutor registers public classes only).</summary>
    public IReadOnlyList<Type> Behaviours => Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(IsBehaviour))
        .ToList();

    public override string ToString()
    {
        var handlers = Handlers.Select(handler => handler.ToString()).DefaultIfEmpty("none");
        var behaviours = Behaviours.Select(type => type.FullName).DefaultIfEmpty("none");
        return $"{Name} {Version} from {Path}: handlers {string.Join(", ", handlers)}; behaviours {string.Join(", ", behaviours)}";
    }

    private static bool IsBehaviour(Type contract) =>
        contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IPipelineBehavior<,>);
}
