namespace Conclave.Application.Common.RateLimiting;

/// <summary>
/// Counts events per key over a rolling window (a sliding log of their times, in memory): at most
/// <c>limit</c> within any <see cref="Window"/>, also across calendar-minute boundaries. Keys idle for a whole
/// window are forgotten, so memory stays bounded by the keys seen in the last window.
/// </summary>
public sealed class RollingWindow<TKey>(TimeProvider clock, TimeSpan window) where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, List<long>> _stamps = [];
    private long _lastSweep = clock.GetTimestamp();

    public TimeSpan Window => window;

    /// <summary>Keys with an event in the current window.</summary>
    public int TrackedKeys
    {
        get { lock (_lock) return _stamps.Count; }
    }

    /// <summary>Records one event for <paramref name="key"/> and returns its stamp, or null when <paramref name="limit"/> are already in the window.</summary>
    public long? TryAdd(TKey key, long limit)
    {
        var now = clock.GetTimestamp();
        lock (_lock)
        {
            var stamps = Current(key, now);
            if (stamps.Count >= limit) return null;
            stamps.Add(now);
            return now;
        }
    }

    /// <summary>Takes back an event that did not happen after all (the request failed, or did not count).</summary>
    public void Remove(TKey key, long stamp)
    {
        lock (_lock)
        {
            if (!_stamps.TryGetValue(key, out var stamps)) return;
            stamps.Remove(stamp);
            if (stamps.Count == 0) _stamps.Remove(key);
        }
    }

    private List<long> Current(TKey key, long now)
    {
        SweepIdleKeys(now);
        if (!_stamps.TryGetValue(key, out var stamps)) _stamps[key] = stamps = [];
        stamps.RemoveAll(stamp => Expired(stamp, now));
        return stamps;
    }

    private void SweepIdleKeys(long now)
    {
        if (clock.GetElapsedTime(_lastSweep, now) < window) return;
        _lastSweep = now;
        foreach (var (key, stamps) in _stamps)
            if (stamps.TrueForAll(stamp => Expired(stamp, now))) _stamps.Remove(key);
    }

    private bool Expired(long stamp, long now) => clock.GetElapsedTime(stamp, now) >= window;
}
