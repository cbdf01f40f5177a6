using Conclave.Domain.Common;

namespace Conclave.Domain.Sessions;

/// <summary>A login. Only the SHA-256 of the token is kept; expiry slides on every authenticated call.</summary>
public sealed class Session : AggregateRoot
{
    private Session() { } // EF Core

    public Session(string tokenHash, UserId userId, long expiresAt)
    {
        TokenHash = tokenHash;
        UserId = userId;
        ExpiresAt = expiresAt;
    }

    public string TokenHash { get; private set; } = "";
    public UserId UserId { get; private set; }
    public long ExpiresAt { get; private set; }

    public bool IsValidAt(long now) => ExpiresAt > now; // strictly (CLARIFICATIONS §4.5)

    public void End() => Raise(new SessionEnded(UserId, TokenHash));
}

public sealed record SessionEnded(UserId UserId, string TokenHash) : IDomainEvent;
