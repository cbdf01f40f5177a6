using Conclave.Domain.Common;
using Conclave.Domain.Sessions;

namespace Conclave.Domain.UnitTests.Sessions;

public sealed class SessionTests
{
    private const long Now = 1_800_000_000;
    private const long Month = 2_592_000;

    [Theory]
    [InlineData(1_000, 999, true)]
    [InlineData(1_000, 1_000, false)]     // strictly: at its expiry a session is dead (CLARIFICATIONS §4.5)
    [InlineData(1_000, 1_001, false)]
    [InlineData(0, 0, false)]             // token_ttl_seconds 0: dead on arrival
    [InlineData(-5, 0, false)]
    public void A_session_is_valid_while_its_expiry_lies_after_now(long expiresAt, long now, bool valid) =>
        Assert.Equal(valid, Session.IsValid(expiresAt, now));

    [Fact]
    public void A_new_session_expires_one_ttl_after_its_login()
    {
        var session = Session.Start("hash", UserId.New(), 1_000, 3_600);

        Assert.Equal((1_000L, 4_600L), (session.CreatedAt, session.ExpiresAt));
    }

    // Sliding expiry (spec architecture/authentication.md) with our write granularity (docs/compatibility.md):
    // 1 % of the TTL, at most 60 s.
    [Theory]
    [InlineData(Now + Month - 60, Month, null)]              // within the granularity: no write
    [InlineData(Now + Month - 61, Month, Now + Month)]       // lagging past it: now + TTL
    [InlineData(Now + 1, Month, Now + Month)]                // one second before its expiry
    [InlineData(Now + 1_000 - 10, 1_000, null)]              // TTL 1000 s: granularity 10 s
    [InlineData(Now + 1_000 - 11, 1_000, Now + 1_000)]
    [InlineData(Now + 50 - 1, 50, Now + 50)]                 // TTL under 100 s: every second of lag is written
    [InlineData(Now + 50, 50, null)]
    public void A_use_slides_the_expiry_to_now_plus_ttl_once_it_lags_past_the_granularity(long expiresAt, long ttl, long? slid) =>
        Assert.Equal(slid, Session.SlideOnUse(expiresAt, Now, ttl));

    [Theory]
    [InlineData(Now - 100, Now + Month - 30, Now - 30)]      // slid 30 s ago
    [InlineData(Now - 100, Now + Month - 500, Now - 100)]    // never before the login
    public void The_last_use_is_read_back_from_the_expiry(long createdAt, long expiresAt, long lastUsed) =>
        Assert.Equal(lastUsed, Session.LastUsedAt(createdAt, expiresAt, Month));

    [Fact]
    public void End_raises_session_ended_for_its_token()
    {
        var user = UserId.New();
        var session = new Session("hash", user, 0, 1_000);

        session.End();

        Assert.Equal(new SessionEnded(user, "hash"), Assert.Single(session.DomainEvents));
    }
}
