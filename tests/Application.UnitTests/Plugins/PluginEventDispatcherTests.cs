using System.Collections.Concurrent;
using Conclave.Application.Common.Observability;
using Conclave.Application.Plugins;
using Conclave.Plugins.Abstractions.Events;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Application.UnitTests.Plugins;

// Real handlers behind real DI scopes; gates and a fake clock instead of real time. WaitAsync(Hang) only keeps a broken build from hanging.
public sealed class PluginEventDispatcherTests : IAsyncDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private readonly Probe _probe = new();
    private readonly ListLogger _log = new();
    private PluginEventDispatcher? _dispatcher;

    [Fact]
    public async Task A_throwing_handler_is_logged_and_the_others_still_get_the_event()
    {
        var dispatcher = Dispatcher(typeof(Throwing), typeof(Recording));

        dispatcher.Enqueue(Created(1));

        Assert.Equal(1, (await _probe.Received.Reader.ReadAsync().AsTask().WaitAsync(Hang)).Name.Length);
        await _probe.Failed.Task.WaitAsync(Hang);
        await dispatcher.DrainAsync();
        var failure = Assert.Single(_log.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains($"{typeof(Throwing).FullName} (ConclaveEvent) failed on GroupCreated", failure.Message);
    }

    [Fact]
    public async Task A_stalled_handler_holds_up_neither_the_caller_nor_another_handler()
    {
        var dispatcher = Dispatcher(typeof(Stalling), typeof(Recording));

        dispatcher.Enqueue(Created(1)); // returns although Stalling will not finish until released
        dispatcher.Enqueue(Created(2));

        Assert.Equal(1, (await _probe.Received.Reader.ReadAsync().AsTask().WaitAsync(Hang)).Name.Length);
        Assert.Equal(2, (await _probe.Received.Reader.ReadAsync().AsTask().WaitAsync(Hang)).Name.Length);
        Assert.Equal(1, await _probe.Stalled.Reader.ReadAsync().AsTask().WaitAsync(Hang));
        _probe.Release.SetResult();
        Assert.Equal(2, await _probe.Stalled.Reader.ReadAsync().AsTask().WaitAsync(Hang));
    }

    [Fact]
    public async Task A_call_past_the_timeout_is_abandoned_and_the_next_event_is_delivered()
    {
        var clock = new FakeTimeProvider();
        var options = new PluginDispatchOptions();
        var dispatcher = Dispatcher(options, clock, typeof(Stalling));

        dispatcher.Enqueue(Created(1));
        dispatcher.Enqueue(Created(2));

        Assert.Equal(1, await _probe.Stalled.Reader.ReadAsync().AsTask().WaitAsync(Hang));
        clock.Advance(options.HandlerTimeout); // the call's clock started before the handler was called
        Assert.Equal(2, await _probe.Stalled.Reader.ReadAsync().AsTask().WaitAsync(Hang)); // the first never finished
        Assert.Contains(_log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("did not finish GroupCreated within"));
        _probe.Release.SetResult();
    }

    [Fact]
    public async Task A_full_queue_drops_new_events_for_that_handler_only_counts_and_logs_them()
    {
        var dispatcher = Dispatcher(new PluginDispatchOptions { QueueCapacity = 1 }, typeof(Stalling), typeof(Recording));
        dispatcher.Enqueue(Created(1));
        Assert.Equal(1, await _probe.Stalled.Reader.ReadAsync().AsTask().WaitAsync(Hang)); // taken off the queue, now stalled

        dispatcher.Enqueue(Created(2)); // queued
        await _probe.Received.Reader.ReadAsync().AsTask().WaitAsync(Hang);
        await _probe.Received.Reader.ReadAsync().AsTask().WaitAsync(Hang);
        dispatcher.Enqueue(Created(3)); // dropped for Stalling, delivered to Recording
        Assert.Equal(3, (await _probe.Received.Reader.ReadAsync().AsTask().WaitAsync(Hang)).Name.Length);
        dispatcher.Enqueue(Created(4)); // dropped for Stalling, delivered to Recording
        Assert.Equal(4, (await _probe.Received.Reader.ReadAsync().AsTask().WaitAsync(Hang)).Name.Length);
        _probe.Release.SetResult();
        await dispatcher.DrainAsync();

        Assert.Equal([1, 2], _probe.StalledSoFar());
        Assert.Single(_log.Entries, entry => entry.Message.Contains($"{typeof(Stalling).FullName} (GroupCreated) is not keeping up"));
        Assert.Single(_log.Entries, entry => entry.Message.Contains($"{typeof(Stalling).FullName} (GroupCreated) lost 2 events"));
    }

    [Fact]
    public async Task Drain_delivers_what_is_queued_in_order_then_takes_nothing_more()
    {
        var dispatcher = Dispatcher(typeof(Recording));
        foreach (var length in new[] { 1, 2, 3 }) dispatcher.Enqueue(Created(length));

        await dispatcher.DrainAsync().WaitAsync(Hang);
        dispatcher.Enqueue(Created(4));

        Assert.Equal([1, 2, 3], _probe.ReceivedSoFar());
        Assert.DoesNotContain(_log.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Handlers_are_found_by_event_type_including_the_catch_all()
    {
        var found = PluginHandler.FoundIn([typeof(Recording), typeof(Throwing), typeof(Probe)]).ToList();

        Assert.Equal([new PluginHandler(typeof(Recording), typeof(GroupCreated)), new PluginHandler(typeof(Throwing), typeof(ConclaveEvent))], found);
        Assert.True(found[1].Receives(Created(1)));
        Assert.False(found[0].Receives(new UserRegistered(Guid.NewGuid(), "x")));
    }

    public async ValueTask DisposeAsync()
    {
        _probe.Release.TrySetResult();
        if (_dispatcher is not null) await _dispatcher.DisposeAsync();
    }

    // The group name's length numbers the events.
    private static GroupCreated Created(int number) => new(Guid.NewGuid(), Guid.NewGuid(), new string('g', number));

    private PluginEventDispatcher Dispatcher(params Type[] handlers) => Dispatcher(new PluginDispatchOptions(), handlers);

    private PluginEventDispatcher Dispatcher(PluginDispatchOptions options, params Type[] handlers) =>
        Dispatcher(options, TimeProvider.System, handlers);

    private PluginEventDispatcher Dispatcher(PluginDispatchOptions options, TimeProvider clock, params Type[] handlers)
    {
        var services = new ServiceCollection().AddSingleton(_probe).BuildServiceProvider();
        _dispatcher = new PluginEventDispatcher(PluginHandler.FoundIn(handlers), services.GetRequiredService<IServiceScopeFactory>(),
            options, new ConclaveMetrics(), clock, _log);
        return _dispatcher;
    }

    public sealed class Probe
    {
        public System.Threading.Channels.Channel<GroupCreated> Received { get; } = System.Threading.Channels.Channel.CreateUnbounded<GroupCreated>();
        public System.Threading.Channels.Channel<int> Stalled { get; } = System.Threading.Channels.Channel.CreateUnbounded<int>();
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<int> ReceivedLog { get; } = new();
        public ConcurrentQueue<int> StalledLog { get; } = new();

        public int[] ReceivedSoFar() => [.. ReceivedLog];

        public int[] StalledSoFar() => [.. StalledLog];
    }

    public sealed class Recording(Probe probe) : INotificationHandler<GroupCreated>
    {
        public Task Handle(GroupCreated notification, CancellationToken cancellationToken)
        {
            probe.ReceivedLog.Enqueue(notification.Name.Length);
            probe.Received.Writer.TryWrite(notification);
            return Task.CompletedTask;
        }
    }

    public sealed class Throwing(Probe probe) : INotificationHandler<ConclaveEvent>
    {
        public Task Handle(ConclaveEvent notification, CancellationToken cancellationToken)
        {
            probe.Failed.TrySetResult();
            throw new InvalidOperationException("plugin bug");
        }
    }

    // Deaf to its token: only Release ends it.
    public sealed class Stalling(Probe probe) : INotificationHandler<GroupCreated>
    {
        public async Task Handle(GroupCreated notification, CancellationToken cancellationToken)
        {
            probe.StalledLog.Enqueue(notification.Name.Length);
            probe.Stalled.Writer.TryWrite(notification.Name.Length);
            await probe.Release.Task;
        }
    }

    private sealed class ListLogger : ILogger<PluginEventDispatcher>
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
