using Conclave.Domain.Common;

namespace Conclave.Domain.KeyPackages;

/// <summary>
/// One user's key packages: at most ten regular ones, handed out oldest first and deleted, and at most one
/// last-resort one, handed out and kept (spec mls/key-packages.md; CLARIFICATIONS §5.2, §5.3). Small enough to
/// load whole. Key-package operations announce nothing (CLARIFICATIONS §3.1), so it raises no events.
/// </summary>
public sealed class KeyPackageStore
{
    public const int RegularCap = 10;

    private readonly HashSet<KeyPackage> _stored;
    private readonly List<KeyPackage> _removed = [];
    private List<KeyPackage> _regular;
    private KeyPackage? _lastResort;

    private KeyPackageStore(UserId userId, IReadOnlyList<KeyPackage> stored)
    {
        UserId = userId;
        _stored = [.. stored];
        _regular = InHandOutOrder(stored.Where(p => !p.IsLastResort));
        _lastResort = stored.LastOrDefault(p => p.IsLastResort);
    }

    /// <summary>The store as persisted; <paramref name="stored"/> in insertion order (<see cref="KeyPackage.Id"/>).</summary>
    public static KeyPackageStore Load(UserId userId, IReadOnlyList<KeyPackage> stored) => new(userId, stored);

    public UserId UserId { get; }

    /// <summary>The regular packages in the order they are handed out.</summary>
    public IReadOnlyList<KeyPackage> Regular => _regular;

    public KeyPackage? LastResort => _lastResort;

    /// <summary>Packages created since loading that are still here (those evicted at once were never stored).</summary>
    public IReadOnlyList<KeyPackage> Added =>
        [.. _regular.Append(_lastResort).OfType<KeyPackage>().Where(p => !_stored.Contains(p))];

    /// <summary>Loaded packages that are gone: consumed, evicted or replaced.</summary>
    public IReadOnlyList<KeyPackage> Removed => _removed;

    /// <summary>
    /// Stores a validated upload. A last-resort package replaces the previous one (the last of a batch wins);
    /// beyond the cap the oldest regular packages are evicted, so the newest ten remain (decision 3).
    /// </summary>
    public void Add(KeyPackageUpload upload, long now)
    {
        foreach (var entry in upload.Entries)
        {
            var package = new KeyPackage(UserId, entry.Data, entry.IsLastResort, now);
            if (entry.IsLastResort)
            {
                Discard(_lastResort);
                _lastResort = package;
            }
            else
            {
                _regular.Add(package);
            }
        }
        _regular = InHandOutOrder(_regular);
        var excess = _regular.Count - RegularCap;
        if (excess <= 0) return;
        _regular.Take(excess).ToList().ForEach(Discard);
        _regular.RemoveRange(0, excess);
    }

    /// <summary>The oldest regular package, removed; else the last-resort one, kept; else 404 (CLARIFICATIONS §5.3).</summary>
    public KeyPackage Consume()
    {
        if (_regular.Count == 0)
            return _lastResort ?? throw new DomainException(DomainError.NotFound, "no key package available for this user");
        var oldest = _regular[0];
        _regular.RemoveAt(0);
        Discard(oldest);
        return oldest;
    }

    // Earliest creation time first, ties in insertion order: OrderBy is stable and the list is in insertion order.
    private static List<KeyPackage> InHandOutOrder(IEnumerable<KeyPackage> packages) => [.. packages.OrderBy(p => p.CreatedAt)];

    private void Discard(KeyPackage? package)
    {
        if (package is not null && _stored.Contains(package)) _removed.Add(package);
    }
}
