using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;

namespace Conclave.Infrastructure.Events;

// A bounded queue per open stream: a slow reader loses its oldest events (counted, then announced as a lag)
// instead of slowing the publisher or growing without bound (CLARIFICATIONS §8.4).
internal sealed class EventSubscription(InProcessEventHub hub, UserId user, string tokenHash, int capacity) : IEventSubscription
{
    private const int IdleQueueCapacity = 16;
    private readonly Lock _gate = new();
    private readonly Queue<RealtimeEvent> _pending = new();
    private readonly CancellationTokenSource _ended = new();
    private long _dropped;
    private TaskCompletionSource<bool>? _waiter;
    private int _disposed;

    public UserId User { get; } = user;
    public string TokenHash { get; } = tokenHash;
    public CancellationToken Ended => _ended.Token;

    public void Deliver(RealtimeEvent realtimeEvent)
    {
        TaskCompletionSource<bool>? waiter;
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            if (_pending.Count == capacity)
            {
                _pending.Dequeue();
                _dropped++;
            }
            _pending.Enqueue(realtimeEvent);
            (waiter, _waiter) = (_waiter, null);
        }
        waiter?.TrySetResult(true);
    }

    public void End()
    {
        TaskCompletionSource<bool>? waiter;
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            _pending.Clear();
            _dropped = 0;
            (waiter, _waiter) = (_waiter, null);
        }
        _ended.Cancel();
        waiter?.TrySetResult(false);
    }

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> waiter;
        lock (_gate)
        {
            if (_pending.Count > 0 || _dropped > 0) return ValueTask.FromResult(true);
            if (_ended.IsCancellationRequested || cancellationToken.IsCancellationRequested) return ValueTask.FromResult(false);
            waiter = _waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return WaitAsync(waiter, cancellationToken);
    }

    public bool TryRead(out EventDelivery delivery)
    {
        lock (_gate)
        {
            if (_dropped > 0)
            {
                delivery = EventDelivery.Lagged(_dropped);
                _dropped = 0;
                return true;
            }
            if (_pending.TryDequeue(out var next))
            {
                // After a burst, give the queue's array back: an idle stream should cost next to nothing.
                if (_pending.Count == 0 && _pending.EnsureCapacity(0) > IdleQueueCapacity) _pending.TrimExcess();
                delivery = EventDelivery.Of(next);
                return true;
            }
        }
        delivery = default;
        return false;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        End();
        hub.Remove(this);
    }

    private static async ValueTask<bool> WaitAsync(TaskCompletionSource<bool> waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.UnsafeRegister(
            static state => ((TaskCompletionSource<bool>)state!).TrySetResult(false), waiter);
        return await waiter.Task;
    }
}
