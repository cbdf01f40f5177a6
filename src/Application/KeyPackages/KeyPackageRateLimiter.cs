using Conclave.Application.Common.Observability;
using Conclave.Application.Common.RateLimiting;
using Conclave.Domain.Common;

namespace Conclave.Application.KeyPackages;

/// <summary>
/// Decision 4 (CLARIFICATIONS §5.5): at most ten key packages per rolling minute are handed out for one target
/// user, through GET /key-packages/{user_id} and /invite alike. A permit taken for a request that then fails is
/// given back, so only packages actually handed out count (404s don't).
/// </summary>
public sealed class KeyPackageRateLimiter(TimeProvider clock, ConclaveMetrics metrics)
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    public const string RefusalMessage = "rate limit exceeded: at most 10 key packages per minute for this user";

    private readonly RollingWindow<UserId> _handOuts = new(clock, Window);

    /// <summary>Targets with a hand-out in the current window (memory stays bounded by these).</summary>
    public int TrackedTargets => _handOuts.TrackedKeys;

    /// <summary>Counts one hand-out for <paramref name="target"/> and returns its stamp, or null when the limit is reached.</summary>
    public long? TryAcquire(UserId target)
    {
        if (_handOuts.TryAdd(target, Limit) is { } stamp) return stamp;
        metrics.RateLimitRejected("key_packages");
        return null;
    }

    /// <summary>Gives back a permit of a request that handed nothing out after all.</summary>
    public void Release(UserId target, long stamp) => _handOuts.Remove(target, stamp);
}
