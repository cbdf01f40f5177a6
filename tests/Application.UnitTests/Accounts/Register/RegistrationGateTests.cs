using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Common.Settings;

namespace Conclave.Application.UnitTests.Accounts.Register;

// CLARIFICATIONS §4.8 and checklist 46-48.
public sealed class RegistrationGateTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData(null, "anything")]
    [InlineData("secret-token", "wrong")]
    public void Open_registration_ignores_the_token(string? configured, string supplied) =>
        Assert.Null(Gate(enabled: true, configured).Refusal(supplied));

    [Theory]
    [InlineData("")]
    [InlineData("any-token")]
    public void Closed_registration_without_a_configured_token_refuses_everyone(string supplied) =>
        Assert.Equal("registration is disabled", Gate(enabled: false, token: null).Refusal(supplied));

    [Fact]
    public void Closed_registration_admits_the_exact_token() =>
        Assert.Null(Gate(enabled: false, "secret-token_1").Refusal("secret-token_1"));

    [Theory]
    [InlineData("")]                     // an empty supplied token is a mismatch
    [InlineData("secret")]               // a prefix: lengths differ
    [InlineData("secret-token-and-more")]
    [InlineData("SECRET-TOKEN")]         // byte-identical, so case matters
    [InlineData("secret-tokeN")]
    [InlineData(" secret-token")]
    public void Closed_registration_refuses_any_other_token(string supplied) =>
        Assert.Equal("invalid registration token", Gate(enabled: false, "secret-token").Refusal(supplied));

    private static RegistrationGate Gate(bool enabled, string? token) =>
        new(new ServerSettings { RegistrationEnabled = enabled, RegistrationToken = token });
}
