namespace Conclave.Application.Common.Security;

/// <summary>The authentication hot path: untracked reads and single-statement updates of sessions.</summary>
public interface ISessionStore
{
    Task<AuthenticatedSession?> FindAsync(string tokenHash, CancellationToken cancellationToken);
    /// <summary>Stores the expiry <see cref="Domain.Sessions.Session.SlideOnUse"/> decided, durably, like any write.</summary>
    Task SlideAsync(string tokenHash, long expiresAt, CancellationToken cancellationToken);
}
