using Conclave.Domain.Common;
using Conclave.Domain.Sessions;

namespace Conclave.Domain.UnitTests.Sessions;

public sealed class SessionTests
{
    [Theory]
    [InlineData(1_000, 999, true)]
    [InlineData(1_000, 1_000, false)]     // strictly: at its expiry a session is dead (CLARIFICATIONS §4.5)
    [InlineData(1_000, 1_001, false)]
    [InlineData(0, 0, false)]             // token_ttl_seconds 0: dead on arrival
    [InlineData(-5, 0, false)]
    public void A_session_is_valid_while_its_expiry_lies_after_now(long expiresAt, long now, bool valid) =>
        Assert.Equal(valid, Session.IsValid(expiresAt, now));

    [Fact]
    public void End_raises_session_ended_for_its_token()
    {
        var user = UserId.New();
        var session = new Session("hash", user, 0, 1_000);

        session.End();

        Assert.Equal(new SessionEnded(user, "hash"), Assert.Single(session.DomainEvents));
    }
}
