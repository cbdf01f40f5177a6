using System.Threading.Tasks.Sources;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;

namespace Conclave.Infrastructure.Events;

// A bounded queue per open stream: a slow reader loses its oldest events (counted, then announced as a lag)
// instead of slowing the publisher or growing without bound (CLARIFICATIONS §8.4). An idle stream costs a few
// hundred bytes: the queue's array is given back after a burst, and the one reader's wait reuses this object.
internal sealed class EventSubscription(InProcessEventHub hub, UserId user, string tokenHash, int capacity)
    : IEventSubscription, IValueTaskSource<bool>
{
    private const int IdleQueueCapacity = 16;
    private readonly Lock _gate = new();
    private readonly Queue<RealtimeEvent> _pending = new();
    private readonly CancellationTokenSource _ended = new();
    private ManualResetValueTaskSourceCore<bool> _waiter = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _waitCancellation;
    private bool _waiting;
    private long _dropped;
    private int _disposed;

    public UserId User { get; } = user;
    public string TokenHash { get; } = tokenHash;
    public CancellationToken Ended => _ended.Token;

    public void Deliver(RealtimeEvent realtimeEvent)
    {
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            if (_pending.Count == capacity)
            {
                _pending.Dequeue();
                _dropped++;
            }
            _pending.Enqueue(realtimeEvent);
            if (!StopWaiting(out var cancellation)) return;
            cancellation.Unregister();
        }
        _waiter.SetResult(true);
    }

    public void End()
    {
        bool wasWaiting;
        lock (_gate)
        {
            if (_ended.IsCancellationRequested) return;
            _pending.Clear();
            _dropped = 0;
            wasWaiting = StopWaiting(out var cancellation);
            cancellation.Unregister();
        }
        _ended.Cancel();
        if (wasWaiting) _waiter.SetResult(false);
    }

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending.Count > 0 || _dropped > 0) return ValueTask.FromResult(true);
            if (_ended.IsCancellationRequested || cancellationToken.IsCancellationRequested) return ValueTask.FromResult(false);
            _waiter.Reset();
            _waiting = true;
            // Under the lock (it is re-entrant): a token cancelled meanwhile completes the wait right here.
            _waitCancellation = cancellationToken.UnsafeRegister(static state => ((EventSubscription)state!).StopWaitingCancelled(), this);
            return new ValueTask<bool>(this, _waiter.Version);
        }
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

    bool IValueTaskSource<bool>.GetResult(short token) => _waiter.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _waiter.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _waiter.OnCompleted(continuation, state, token, flags);

    private void StopWaitingCancelled()
    {
        lock (_gate)
        {
            if (!StopWaiting(out _)) return;
        }
        _waiter.SetResult(false);
    }

    // Caller holds the lock; true when a wait was pending and is now the caller's to complete.
    private bool StopWaiting(out CancellationTokenRegistration cancellation)
    {
        cancellation = _waitCancellation;
        _waitCancellation = default;
        if (!_waiting) return false;
        _waiting = false;
        return true;
    }
}
