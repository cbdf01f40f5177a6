using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;

namespace Conclave.Infrastructure.Events;

// The open subscriptions of one user. Retired once empty, so the hub's index holds only users with open streams.
internal sealed class UserStreams
{
    private readonly Lock _gate = new();
    private readonly HashSet<EventSubscription> _subscriptions = [];
    private bool _retired;

    /// <summary>False when this entry was retired meanwhile: the caller retries with a fresh one.</summary>
    public bool TryAdd(EventSubscription subscription)
    {
        lock (_gate)
        {
            if (_retired) return false;
            _subscriptions.Add(subscription);
            return true;
        }
    }

    /// <summary>Removes the subscription; true when that left the entry empty and retired it.</summary>
    public bool RemoveAndRetireIfEmpty(EventSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
            _retired = _subscriptions.Count == 0;
            return _retired;
        }
    }

    public void Deliver(RealtimeEvent realtimeEvent)
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions) subscription.Deliver(realtimeEvent);
        }
    }

    public (UserId User, string TokenHash)[] Sessions()
    {
        lock (_gate) return _subscriptions.Select(s => (s.User, s.TokenHash)).ToArray();
    }

    public EventSubscription[] Matching(Func<EventSubscription, bool> predicate)
    {
        lock (_gate) return _subscriptions.Where(predicate).ToArray();
    }
}
