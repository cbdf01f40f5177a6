using System.Collections.Concurrent;
using Conclave.Application.Common.Observability;
using Conclave.Plugins.Abstractions.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conclave.Application.Plugins;

/// <summary>
/// Delivers committed events to plugin notification handlers off the request path. Each handler has its own bounded
/// queue and reader, so a slow or failing handler delays and loses nothing but its own deliveries; each call runs in
/// a scope of its own, bounded by a timeout, its failure logged. Enqueueing never waits.
/// </summary>
public sealed class PluginEventDispatcher : IAsyncDisposable
{
    private readonly PluginHandlerLane[] _lanes;
    private readonly ConcurrentDictionary<Type, PluginHandlerLane[]> _lanesByEvent = new();
    private readonly PluginDispatchOptions _options;
    private readonly ILogger _logger;
    private int _drained;

    public PluginEventDispatcher(IEnumerable<PluginHandler> handlers, IServiceScopeFactory scopes, PluginDispatchOptions options,
        ConclaveMetrics metrics, TimeProvider clock, ILogger<PluginEventDispatcher> logger)
    {
        _options = options;
        _logger = logger;
        _lanes = handlers.Select(handler => new PluginHandlerLane(handler, scopes, options, metrics, clock, logger)).ToArray();
    }

    /// <summary>Queues <paramref name="pluginEvent"/> for every handler of its type; returns at once.</summary>
    public void Enqueue(ConclaveEvent pluginEvent)
    {
        var lanes = _lanesByEvent.GetOrAdd(pluginEvent.GetType(), _ => _lanes.Where(lane => lane.Handler.Receives(pluginEvent)).ToArray());
        foreach (var lane in lanes) lane.Offer(pluginEvent);
    }

    public bool HasHandlers => _lanes.Length > 0;

    /// <summary>Stops taking events and waits (up to the drain timeout) for the queued ones to be delivered.</summary>
    public async Task DrainAsync()
    {
        if (Interlocked.Exchange(ref _drained, 1) == 1) return;
        foreach (var lane in _lanes) lane.Complete();
        try
        {
            await Task.WhenAll(_lanes.Select(lane => lane.Finished)).WaitAsync(_options.DrainTimeout);
        }
        catch (TimeoutException)
        {
            var left = _lanes.Where(lane => !lane.Finished.IsCompleted).Select(lane => lane.Handler.ToString());
            _logger.LogWarning("Plugin handlers still busy at shutdown after {Timeout}; their queued events are lost: {Handlers}",
                _options.DrainTimeout, string.Join(", ", left));
        }
        foreach (var lane in _lanes) lane.Stop();
    }

    // The container is going away: undelivered events can no longer get a scope, so nothing is waited for.
    public ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Complete();
            lane.Stop();
        }
        return ValueTask.CompletedTask;
    }
}
