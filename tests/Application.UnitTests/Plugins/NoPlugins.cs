using Conclave.Application.Common.Observability;
using Conclave.Application.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Conclave.Application.UnitTests.Plugins;

internal static class NoPlugins
{
    public static PluginEventDispatcher Dispatcher() =>
        new([], Substitute.For<IServiceScopeFactory>(), new PluginDispatchOptions(), new ConclaveMetrics(), TimeProvider.System,
            NullLogger<PluginEventDispatcher>.Instance);
}
