namespace Conclave.Application.Administration;

/// <summary>
/// A live session as the operator lists it, never with its token. Its creation (login) time and expiry are stored;
/// a use slides the expiry to that time plus token_ttl_seconds (to the minute), so <paramref name="LastUsedAt"/> is the
/// expiry less the TTL (never before the creation time, should the TTL have been raised since).
/// </summary>
public sealed record SessionSummaryDto(long CreatedAt, long LastUsedAt, long ExpiresAt);
