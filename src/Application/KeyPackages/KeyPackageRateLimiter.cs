using Conclave.Domain.Common;

namespace Conclave.Application.KeyPackages;

/// <summary>
/// Decision 4 (CLARIFICATIONS §5.5): at most ten key packages per rolling minute are handed out for one target
/// user, through GET /key-packages/{user_id} and /invite alike. A sliding window of the hand-outs' times, in
/// memory; a permit taken for a request that then fails is given back, so only packages actually handed out count
/// (404s don't). Targets idle for a whole window are forgotten.
/// </summary>
public sealed class KeyPackageRateLimiter(TimeProvider clock)
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public const string RefusalMessage = "rate limit exceeded: at most 10 key packages per minute for this user";

    private readonly Lock _lock = new();
    private readonly Dictionary<UserId, List<long>> _handOuts = [];
    private long _lastSweep = clock.GetTimestamp();

    /// <summary>Targets with a hand-out in the current window (memory stays bounded by these).</summary>
    public int TrackedTargets
    {
        get { lock (_lock) return _handOuts.Count; }
    }

    /// <summary>Counts one hand-out for <paramref name="target"/> and returns its stamp, or null when the limit is reached.</summary>
    public long? TryAcquire(UserId target)
    {
        var now = clock.GetTimestamp();
        lock (_lock)
        {
            SweepIdleTargets(now);
            if (!_handOuts.TryGetValue(target, out var stamps)) _handOuts[target] = stamps = [];
            stamps.RemoveAll(stamp => Expired(stamp, now));
            if (stamps.Count >= Limit) return null;
            stamps.Add(now);
            return now;
        }
    }

    /// <summary>Gives back a permit of a request that handed nothing out after all.</summary>
    public void Release(UserId target, long stamp)
    {
        lock (_lock)
        {
            if (!_handOuts.TryGetValue(target, out var stamps)) return;
            stamps.Remove(stamp);
            if (stamps.Count == 0) _handOuts.Remove(target);
        }
    }

    private void SweepIdleTargets(long now)
    {
        if (clock.GetElapsedTime(_lastSweep, now) < Window) return;
        _lastSweep = now;
        foreach (var (target, stamps) in _handOuts)
            if (stamps.TrueForAll(stamp => Expired(stamp, now))) _handOuts.Remove(target);
    }

    private bool Expired(long stamp, long now) => clock.GetElapsedTime(stamp, now) >= Window;
}
