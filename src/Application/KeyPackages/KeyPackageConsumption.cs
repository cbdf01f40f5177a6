using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;

namespace Conclave.Application.KeyPackages;

/// <summary>
/// The key packages one request takes (GET /key-packages/{user_id}, /invite), under the per-target rate limit.
/// Unless <see cref="Complete"/> is called, disposing gives the rate-limit permits back: the request failed,
/// its transaction rolls back and nothing was handed out (decisions 4 and 12).
/// </summary>
public sealed class KeyPackageConsumption(IKeyPackageRepository packages, KeyPackageRateLimiter limiter) : IDisposable
{
    private readonly Dictionary<UserId, KeyPackageStore> _stores = [];
    private readonly List<(UserId Target, long Stamp)> _permits = [];
    private bool _completed;

    /// <summary>429 over the limit, else the target's next package (CLARIFICATIONS §5.3) or 404.</summary>
    public async Task<byte[]> TakeAsync(UserId target, CancellationToken cancellationToken)
    {
        var stamp = limiter.TryAcquire(target)
            ?? throw new DomainException(DomainError.RateLimited, KeyPackageRateLimiter.RefusalMessage);
        _permits.Add((target, stamp));
        // One store per target: a duplicate id in /invite takes the next package, not the one already taken.
        if (!_stores.TryGetValue(target, out var store))
            _stores[target] = store = await packages.GetAsync(target, cancellationToken);
        var package = store.Consume();
        packages.Update(store);
        return package.Data;
    }

    /// <summary>The request succeeded: its hand-outs stay counted.</summary>
    public void Complete() => _completed = true;

    public void Dispose()
    {
        if (_completed) return;
        _permits.ForEach(permit => limiter.Release(permit.Target, permit.Stamp));
        _permits.Clear();
    }
}
