using Conclave.Domain.Common;
using Conclave.Domain.Registration;

namespace Conclave.Domain.UnitTests.Registration;

public sealed class RegistrationInvitationTests
{
    private const long Now = 1_800_000_000;

    [Fact]
    public void A_new_invitation_is_live_with_all_its_uses_until_its_expiry()
    {
        var invitation = RegistrationInvitation.Create("hash", uses: 3, lifetimeSeconds: 600, note: "for the book club", now: Now);

        Assert.Equal(("hash", 3, 0, 3, Now + 600, Now, "for the book club"),
            (invitation.TokenHash, invitation.MaxUses, invitation.TimesUsed, invitation.UsesLeft, invitation.ExpiresAt, invitation.CreatedAt, invitation.Note));
        Assert.Equal(InvitationState.Live, invitation.StateAt(Now + 599));
        Assert.Equal(InvitationState.Expired, invitation.StateAt(Now + 600)); // at its expiry it is over, as a session
    }

    [Fact]
    public void Each_consumption_spends_one_use_until_none_is_left()
    {
        var invitation = RegistrationInvitation.Create("hash", uses: 2, lifetimeSeconds: 600, note: "", now: Now);

        Assert.True(invitation.TryConsume(Now));
        Assert.True(invitation.TryConsume(Now + 1));
        Assert.False(invitation.TryConsume(Now + 2));

        Assert.Equal((2, 0, InvitationState.Exhausted), (invitation.TimesUsed, invitation.UsesLeft, invitation.StateAt(Now + 2)));
    }

    [Fact]
    public void An_expired_invitation_admits_nobody_and_keeps_its_uses()
    {
        var invitation = RegistrationInvitation.Create("hash", uses: 1, lifetimeSeconds: 60, note: "", now: Now);

        Assert.False(invitation.TryConsume(Now + 60));
        Assert.Equal((0, 1), (invitation.TimesUsed, invitation.UsesLeft));
    }

    [Fact]
    public void A_revoked_invitation_admits_nobody_and_revoking_again_keeps_the_first_time()
    {
        var invitation = RegistrationInvitation.Create("hash", uses: 5, lifetimeSeconds: 600, note: "", now: Now);
        invitation.TryConsume(Now);

        invitation.Revoke(Now + 10);
        invitation.Revoke(Now + 20);

        Assert.False(invitation.TryConsume(Now + 30));
        Assert.Equal((Now + 10, 1, InvitationState.Revoked), (invitation.RevokedAt, invitation.TimesUsed, invitation.StateAt(Now + 30)));
    }

    [Fact]
    public void Revoked_is_reported_before_exhausted_and_exhausted_before_expired()
    {
        var invitation = RegistrationInvitation.Create("hash", uses: 1, lifetimeSeconds: 60, note: "", now: Now);
        invitation.TryConsume(Now);
        Assert.Equal(InvitationState.Exhausted, invitation.StateAt(Now + 60));
        invitation.Revoke(Now + 1);
        Assert.Equal(InvitationState.Revoked, invitation.StateAt(Now + 60));
    }

    [Theory]
    [InlineData(0, 60, "", "an invitation admits at least one registration")]
    [InlineData(-1, 60, "", "an invitation admits at least one registration")]
    [InlineData(1, 0, "", "an invitation must expire in the future")]
    [InlineData(1, -1, "", "an invitation must expire in the future")]
    [InlineData(1, long.MaxValue, "", "an invitation must expire before the year 10000")]
    [InlineData(1, 60, "line\nbreak", "the note must not contain control characters")]
    public void Invalid_invitations_are_refused(int uses, long lifetime, string note, string message)
    {
        var refusal = Assert.Throws<DomainException>(() => RegistrationInvitation.Create("hash", uses, lifetime, note, Now));

        Assert.Equal((DomainError.Validation, message), (refusal.Error, refusal.Message));
    }

    [Fact]
    public void A_note_may_hold_200_characters_and_no_more()
    {
        RegistrationInvitation.Create("hash", 1, 60, new string('n', 200), Now);

        var refusal = Assert.Throws<DomainException>(() => RegistrationInvitation.Create("hash", 1, 60, new string('n', 201), Now));
        Assert.Equal("the note exceeds 200 characters", refusal.Message);
    }
}
