using Conclave.Domain.Common;

namespace Conclave.Domain.Registration;

/// <summary>
/// An operator's invitation to register while registration is closed: a token (only its SHA-256 is kept) that
/// admits a number of registrations until it expires or is revoked.
/// </summary>
public sealed class RegistrationInvitation : AggregateRoot
{
    public const int MaxNoteLength = 200;

    private static readonly long LatestExpiry = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private RegistrationInvitation() { } // EF Core

    public InvitationId Id { get; private set; }
    public string TokenHash { get; private set; } = "";
    public string Note { get; private set; } = "";
    public int MaxUses { get; private set; }
    public int TimesUsed { get; private set; }
    public long ExpiresAt { get; private set; }
    public long CreatedAt { get; private set; }
    public long? RevokedAt { get; private set; }

    public int UsesLeft => MaxUses - TimesUsed;

    public static RegistrationInvitation Create(string tokenHash, int uses, long lifetimeSeconds, string note, long now)
    {
        if (uses < 1) throw new DomainException(DomainError.Validation, "an invitation admits at least one registration");
        if (lifetimeSeconds < 1) throw new DomainException(DomainError.Validation, "an invitation must expire in the future");
        if (lifetimeSeconds > LatestExpiry - now) throw new DomainException(DomainError.Validation, "an invitation must expire before the year 10000");
        if (note.Length > MaxNoteLength) throw new DomainException(DomainError.Validation, $"the note exceeds {MaxNoteLength} characters");
        if (note.Any(char.IsControl)) throw new DomainException(DomainError.Validation, "the note must not contain control characters");
        return new RegistrationInvitation
        {
            Id = InvitationId.New(),
            TokenHash = tokenHash,
            Note = note,
            MaxUses = uses,
            ExpiresAt = now + lifetimeSeconds,
            CreatedAt = now,
        };
    }

    /// <summary>Revoked first, then used up, then expired: the first reason that applies. Expiry is exclusive, as for sessions.</summary>
    public InvitationState StateAt(long now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : UsesLeft <= 0 ? InvitationState.Exhausted
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Live;

    public bool IsLive(long now) => StateAt(now) == InvitationState.Live;

    /// <summary>Spends one use for a registration; false, changing nothing, when the invitation is not live.</summary>
    public bool TryConsume(long now)
    {
        if (!IsLive(now)) return false;
        TimesUsed++;
        return true;
    }

    /// <summary>Ends the invitation for good; revoking it again keeps the first time.</summary>
    public void Revoke(long now) => RevokedAt ??= now;
}
