using System.Reflection;
using System.Threading.Channels;
using Conclave.Application.Common.Observability;
using Conclave.Plugins.Abstractions.Events;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conclave.Application.Plugins;

// One handler's queue and its single reader: events reach the handler one at a time, in commit order.
internal sealed class PluginHandlerLane
{
    private static readonly MethodInfo InvokeDefinition = typeof(PluginHandlerLane).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Channel<ConclaveEvent> _queue;
    private readonly IServiceScopeFactory _scopes;
    private readonly PluginDispatchOptions _options;
    private readonly ConclaveMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Func<object, ConclaveEvent, CancellationToken, Task> _invoke;
    private readonly CancellationTokenSource _stopping = new();
    private long _dropped;
    private volatile bool _completed;

    public PluginHandlerLane(PluginHandler handler, IServiceScopeFactory scopes, PluginDispatchOptions options, ConclaveMetrics metrics,
        TimeProvider clock, ILogger logger)
    {
        Handler = handler;
        _scopes = scopes;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _clock = clock;
        _invoke = InvokeDefinition.MakeGenericMethod(handler.EventType).CreateDelegate<Func<object, ConclaveEvent, CancellationToken, Task>>();
        _queue = Channel.CreateBounded<ConclaveEvent>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true });
        Finished = Task.Run(ReadAsync);
    }

    public PluginHandler Handler { get; }

    public Task Finished { get; }

    public void Offer(ConclaveEvent pluginEvent)
    {
        if (_queue.Writer.TryWrite(pluginEvent) || _completed) return; // after shutdown began nothing is taken
        _metrics.PluginDelivery("dropped");
        // The first drop of a run is logged at once; the run's total when the handler catches up (ReportDrops).
        if (Interlocked.Increment(ref _dropped) == 1)
            _logger.LogWarning("Plugin handler {Handler} is not keeping up: its queue of {Capacity} events is full, new events are dropped for it",
                Handler, _options.QueueCapacity);
    }

    public void Complete()
    {
        _completed = true;
        _queue.Writer.TryComplete();
    }

    public void Stop() => _stopping.Cancel();

    private async Task ReadAsync()
    {
        try
        {
            await foreach (var pluginEvent in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                ReportDrops();
                await DeliverAsync(pluginEvent);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        ReportDrops();
    }

    private async Task DeliverAsync(ConclaveEvent pluginEvent)
    {
        var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _clock); // the call's own: it disposes it
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, deadline.Token);
        try
        {
            // Task.Run: a handler that blocks before its first await is bounded too.
            await Task.Run(() => CallAsync(pluginEvent, deadline, abandon.Token), CancellationToken.None).WaitAsync(abandon.Token);
            _metrics.PluginDelivery("delivered");
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            _metrics.PluginDelivery("timed_out");
            _logger.LogWarning("Plugin handler {Handler} did not finish {Event} within {Timeout}; abandoned",
                Handler, pluginEvent.GetType().Name, _options.HandlerTimeout);
        }
        catch (Exception exception)
        {
            _metrics.PluginDelivery("failed");
            _logger.LogError(exception, "Plugin handler {Handler} failed on {Event}", Handler, pluginEvent.GetType().Name);
        }
    }

    // The clock starts when the call does, on its own thread. Started by the reader, it also ran while the call waited
    // for a thread: a busy machine could abandon a call before it began, and the next event's call then reached the
    // handler first.
    private async Task CallAsync(ConclaveEvent pluginEvent, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        using (deadline)
        {
            if (cancellationToken.IsCancellationRequested) return; // shut down before it began
            deadline.CancelAfter(_options.HandlerTimeout);
            await using var scope = _scopes.CreateAsyncScope();
            var handler = ActivatorUtilities.CreateInstance(scope.ServiceProvider, Handler.HandlerType);
            await _invoke(handler, pluginEvent, cancellationToken);
        }
    }

    private void ReportDrops()
    {
        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0) _logger.LogWarning("Plugin handler {Handler} lost {Count} events to a full queue", Handler, dropped);
    }

    private static Task Invoke<TEvent>(object handler, ConclaveEvent pluginEvent, CancellationToken cancellationToken)
        where TEvent : ConclaveEvent =>
        ((INotificationHandler<TEvent>)handler).Handle((TEvent)pluginEvent, cancellationToken);
}
