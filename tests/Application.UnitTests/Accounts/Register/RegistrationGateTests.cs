using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Conclave.Domain.Registration;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.Register;

// CLARIFICATIONS §4.8 and checklist 46-48; and ours: a live registration invitation admits too, anything else that is
// not the configured token is refused exactly as a wrong one.
public sealed class RegistrationGateTests
{
    private const long Now = 1_800_000_000;

    private readonly IRegistrationInvitationRepository _invitations = Substitute.For<IRegistrationInvitationRepository>();
    private readonly ISessionTokens _tokens = Substitute.For<ISessionTokens>();
    private readonly RegistrationInvitation _invitation = RegistrationInvitation.Create("hash of invite", uses: 2, lifetimeSeconds: 60, note: "", now: Now);

    public RegistrationGateTests()
    {
        _tokens.Hash(Arg.Any<string>()).Returns(call => $"hash of {call.Arg<string>()}");
        _invitations.IsLiveAsync(Arg.Any<string>(), Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(false);
        _invitations.IsLiveAsync("hash of invite", Now, Arg.Any<CancellationToken>()).Returns(true);
        _invitations.FindByTokenAsync("hash of invite", Arg.Any<CancellationToken>()).Returns(_invitation);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(null, "anything")]
    [InlineData("secret-token", "wrong")]
    public async Task Open_registration_ignores_the_token(string? configured, string supplied)
    {
        var gate = Gate(enabled: true, configured);

        Assert.Null(await gate.RefusalAsync(supplied, default));
        await gate.AdmitAsync(supplied, default);
        Assert.Empty(_invitations.ReceivedCalls());
    }

    [Theory]
    [InlineData("")]
    [InlineData("any-token")]
    public async Task Closed_registration_without_a_configured_token_refuses_all_but_a_live_invitation(string supplied)
    {
        Assert.Equal("registration is disabled", await Gate(enabled: false, token: null).RefusalAsync(supplied, default));
        Assert.Null(await Gate(enabled: false, token: null).RefusalAsync("invite", default));
    }

    [Fact]
    public async Task Closed_registration_admits_the_exact_token_without_spending_an_invitation()
    {
        var gate = Gate(enabled: false, "secret-token_1");

        Assert.Null(await gate.RefusalAsync("secret-token_1", default));
        await gate.AdmitAsync("secret-token_1", default);
        Assert.Empty(_invitations.ReceivedCalls());
    }

    [Theory]
    [InlineData("")]                     // an empty supplied token is a mismatch
    [InlineData("secret")]               // a prefix: lengths differ
    [InlineData("secret-token-and-more")]
    [InlineData("SECRET-TOKEN")]         // byte-identical, so case matters
    [InlineData("secret-tokeN")]
    [InlineData(" secret-token")]
    public async Task Closed_registration_refuses_any_other_token(string supplied) =>
        Assert.Equal("invalid registration token", await Gate(enabled: false, "secret-token").RefusalAsync(supplied, default));

    [Fact]
    public async Task An_empty_token_is_never_looked_up_as_an_invitation()
    {
        await Gate(enabled: false, "secret-token").RefusalAsync("", default);

        Assert.Empty(_invitations.ReceivedCalls());
    }

    [Fact]
    public async Task Admitting_with_an_invitation_spends_one_use()
    {
        await Gate(enabled: false, "secret-token").AdmitAsync("invite", default);

        Assert.Equal((1, 1), (_invitation.TimesUsed, _invitation.UsesLeft));
    }

    [Theory]
    [InlineData("secret-token", "invalid registration token")]
    [InlineData(null, "registration is disabled")]
    public async Task Admitting_with_a_dead_or_unknown_invitation_is_refused_as_a_wrong_token(string? configured, string message)
    {
        _invitation.Revoke(Now);
        var gate = Gate(enabled: false, configured);

        var dead = await Assert.ThrowsAsync<DomainException>(() => gate.AdmitAsync("invite", default));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => gate.AdmitAsync("unknown", default));

        Assert.Equal((DomainError.Forbidden, message), (dead.Error, dead.Message));
        Assert.Equal((DomainError.Forbidden, message), (unknown.Error, unknown.Message));
        Assert.Equal(0, _invitation.TimesUsed);
    }

    private RegistrationGate Gate(bool enabled, string? token) =>
        new(new ServerSettings { RegistrationEnabled = enabled, RegistrationToken = token }, _invitations, _tokens,
            new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now)));
}
