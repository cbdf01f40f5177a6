namespace Conclave.Infrastructure.Sqlite.Lookups;

/// <summary>
/// Answers of one access look-up, each kept with the <see cref="AccessEpoch"/> current before it was read and served
/// only while that epoch lasts: any commit that may change sessions or memberships, in this process or another, ends
/// them all. A request then reads no database for its session and role while only messages are being written, which
/// empty the look-up connections' page caches at every commit. Absent answers (unknown tokens, non-members) are not
/// kept, so guessing fills nothing; past <c>capacity</c> keys everything kept is dropped.
/// </summary>
internal sealed class KeptReads<TKey, TValue>(AccessEpoch epoch, int capacity, Func<TKey, TValue> read) where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, (TValue Value, long Epoch)> _kept = [];

    public TValue Read(TKey key)
    {
        var current = epoch.Current;
        lock (_lock)
        {
            if (_kept.TryGetValue(key, out var kept) && kept.Epoch == current) return kept.Value;
        }
        var value = read(key);
        if (value is null) return value;
        lock (_lock)
        {
            if (_kept.Count >= capacity && !_kept.ContainsKey(key)) _kept.Clear();
            _kept[key] = (value, current);
        }
        return value;
    }
}
