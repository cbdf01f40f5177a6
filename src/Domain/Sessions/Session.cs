using Conclave.Domain.Common;

namespace Conclave.Domain.Sessions;

/// <summary>A login. Only the SHA-256 of the token is kept; expiry slides on every authenticated call.</summary>
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

    /// <summary>A session is valid while its expiry lies strictly after now (CLARIFICATIONS §4.5).</summary>
    public static bool IsValid(long expiresAt, long now) => expiresAt > now;

    public void End() => Raise(new SessionEnded(UserId, TokenHash));
}
