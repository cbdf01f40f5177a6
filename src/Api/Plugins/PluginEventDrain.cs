using Conclave.Application.Plugins;

namespace Conclave.Api.Plugins;

// On shutdown, once the server has stopped (requests in flight have finished and published) and before the container
// goes: queued plugin events get a bounded chance to be delivered.
internal sealed class PluginEventDrain(PluginEventDispatcher dispatcher) : IHostedLifecycleService
{
    public Task StoppedAsync(CancellationToken cancellationToken) => dispatcher.DrainAsync();

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
