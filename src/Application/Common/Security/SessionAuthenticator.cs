using Conclave.Application.Common.Settings;
using Conclave.Domain.Sessions;

namespace Conclave.Application.Common.Security;

/// <summary>Validates a presented token and slides its session's expiry (spec architecture/authentication.md).</summary>
public sealed class SessionAuthenticator(ISessionStore store, ISessionTokens tokens, SessionSlides slides, TimeProvider clock, ServerSettings settings)
{
    public async Task<AuthenticatedSession?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        var hash = tokens.Hash(token);
        var session = await store.FindAsync(hash, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (session is null || !Session.IsValid(session.ExpiresAt, now)) return null;
        if (Session.SlideOnUse(session.ExpiresAt, now, settings.TokenTtlSeconds) is { } expiresAt)
        {
            // Shared with the other requests on this token, so no one request's token may cancel it.
            await slides.SlideAsync(hash, () => store.SlideAsync(hash, expiresAt, CancellationToken.None));
            session = session with { ExpiresAt = expiresAt };
        }
        return session;
    }

    /// <summary>
    /// The session's expiry while it is still valid, without sliding it: an open event stream does not keep its
    /// session alive, so it re-checks here when the expiry it knows has passed (CLARIFICATIONS §4.5, §8.5).
    /// </summary>
    public async Task<long?> ValidUntilAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var session = await store.FindAsync(tokenHash, cancellationToken);
        return session is not null && Session.IsValid(session.ExpiresAt, clock.GetUtcNow().ToUnixTimeSeconds()) ? session.ExpiresAt : null;
    }
}
