using Conclave.Domain.Common;

namespace Conclave.Domain.Sessions;

/// <summary>
/// A login. Only the SHA-256 of the token is kept; each authenticated call slides its expiry to now + TTL (spec
/// architecture/authentication.md).
/// </summary>
public sealed class Session : AggregateRoot
{
    private Session() { } // EF Core

    public Session(string tokenHash, UserId userId, long createdAt, long expiresAt)
    {
        TokenHash = tokenHash;
        UserId = userId;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public string TokenHash { get; private set; } = "";
    public UserId UserId { get; private set; }
    public long CreatedAt { get; private set; }
    public long ExpiresAt { get; private set; }

    /// <summary>A new login's session, expiring <paramref name="ttlSeconds"/> from <paramref name="now"/>.</summary>
    public static Session Start(string tokenHash, UserId userId, long now, long ttlSeconds) =>
        new(tokenHash, userId, now, ExpiryAfterUse(now, ttlSeconds));

    /// <summary>A session is valid while its expiry lies strictly after now (CLARIFICATIONS §4.5).</summary>
    public static bool IsValid(long expiresAt, long now) => expiresAt > now;

    /// <summary>
    /// The expiry a use at <paramref name="now"/> slides a valid session to, or null when no write is due: the expiry is
    /// rewritten only once it lags now + TTL by more than 1 % of the TTL (at most a minute), so steady traffic costs no
    /// write per request (docs/compatibility.md). Static, like <see cref="IsValid"/>: authentication reads only the
    /// expiry, never the aggregate.
    /// </summary>
    public static long? SlideOnUse(long expiresAt, long now, long ttlSeconds)
    {
        var slid = ExpiryAfterUse(now, ttlSeconds);
        return slid - expiresAt > Math.Clamp(ttlSeconds / 100, 0, 60) ? slid : null;
    }

    /// <summary>
    /// When the session was last used, as far as its expiry tells: each use slides it to use + TTL, give or take the
    /// slide's granularity; never before its login.
    /// </summary>
    public static long LastUsedAt(long createdAt, long expiresAt, long ttlSeconds) => Math.Max(createdAt, expiresAt - ttlSeconds);

    private static long ExpiryAfterUse(long now, long ttlSeconds) => now + ttlSeconds;

    public void End() => Raise(new SessionEnded(UserId, TokenHash));
}
