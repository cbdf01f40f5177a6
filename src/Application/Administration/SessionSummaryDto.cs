namespace Conclave.Application.Administration;

/// <summary>
/// A live session as the operator lists it, never with its token. Only its expiry is stored; a use slides it to
/// that time plus token_ttl_seconds (to the minute), so <paramref name="LastUsedAt"/> is the expiry less the TTL.
/// </summary>
public sealed record SessionSummaryDto(long LastUsedAt, long ExpiresAt);
