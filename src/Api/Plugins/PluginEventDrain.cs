using Conclave.Application.Plugins;

namespace Conclave.Api.Plugins;

// On shutdown, before the container goes: queued plugin events get a bounded chance to be delivered.
internal sealed class PluginEventDrain(PluginEventDispatcher dispatcher) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => dispatcher.DrainAsync();
}
