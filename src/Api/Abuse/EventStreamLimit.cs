using Conclave.Api.Configuration;
using Conclave.Domain.Common;

namespace Conclave.Api.Abuse;

/// <summary>
/// event_streams_per_user: open event streams per user over all their sessions and both surfaces (SSE and gRPC
/// Events/Subscribe); 0 is unlimited. A stream holds its place from subscribing until it ends.
/// </summary>
public sealed class EventStreamLimit(ServerConfig config)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<UserId, long> _open = [];

    /// <summary>Open streams per user right now (only users with at least one).</summary>
    public int TrackedUsers
    {
        get { lock (_lock) return _open.Count; }
    }

    /// <summary>Takes a place for one more stream of <paramref name="user"/>, or refuses with 429; dispose to give it back.</summary>
    public IDisposable Open(UserId user)
    {
        var limit = config.EventStreamsPerUser;
        if (limit == 0) return Place.None;
        lock (_lock)
        {
            var open = _open.GetValueOrDefault(user);
            if (open >= limit)
                throw new DomainException(DomainError.RateLimited, $"rate limit exceeded: at most {limit} open event streams per user");
            _open[user] = open + 1;
        }
        return new Place(() => Close(user));
    }

    private void Close(UserId user)
    {
        lock (_lock)
        {
            if (_open[user] == 1) _open.Remove(user);
            else _open[user]--;
        }
    }

    private sealed class Place(Action close) : IDisposable
    {
        public static readonly Place None = new(() => { });
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) close();
        }
    }
}
