using System.Collections.Concurrent;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;

namespace Conclave.Infrastructure.Events;

/// <summary>
/// The event stream of a single server process. Open streams are indexed by user, so an event costs one delivery
/// per open stream of its recipients, whatever the number of other connections.
/// </summary>
public sealed class InProcessEventHub(int capacity) : IEventSink, IEventStream
{
    /// <summary>Events buffered per stream before the oldest are dropped (the reference's channel size, CLARIFICATIONS §8.3).</summary>
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<UserId, UserStreams> _byUser = new();
    private int _open;

    public int OpenSubscriptions => Volatile.Read(ref _open);

    public IEventSubscription Subscribe(UserId user, string tokenHash)
    {
        var subscription = new EventSubscription(this, user, tokenHash, capacity);
        while (true)
        {
            var streams = _byUser.GetOrAdd(user, static _ => new UserStreams());
            if (streams.TryAdd(subscription)) break;
            _byUser.TryRemove(KeyValuePair.Create(user, streams)); // retired by a concurrent removal: finish it, retry
        }
        Interlocked.Increment(ref _open);
        return subscription;
    }

    public IReadOnlyList<(UserId User, string TokenHash)> OpenSessions() =>
        _byUser.Values.SelectMany(streams => streams.Sessions()).Distinct().ToList();

    public void Publish(RealtimeEvent realtimeEvent, IReadOnlyCollection<UserId> recipients)
    {
        foreach (var user in recipients.Count > 1 ? recipients.Distinct() : recipients)
        {
            if (_byUser.TryGetValue(user, out var streams)) streams.Deliver(realtimeEvent);
        }
    }

    public void EndSessionStreams(UserId user, string tokenHash) => End(user, s => s.TokenHash == tokenHash);

    public void EndUserStreams(UserId user) => End(user, _ => true);

    internal void Remove(EventSubscription subscription)
    {
        if (_byUser.TryGetValue(subscription.User, out var streams) && streams.RemoveAndRetireIfEmpty(subscription))
            _byUser.TryRemove(KeyValuePair.Create(subscription.User, streams));
        Interlocked.Decrement(ref _open);
    }

    private void End(UserId user, Func<EventSubscription, bool> which)
    {
        if (!_byUser.TryGetValue(user, out var streams)) return;
        foreach (var subscription in streams.Matching(which)) subscription.End();
    }
}
