using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Common.Behaviours;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Conclave.Application.Common.Security;
using Conclave.Domain.Registration;
using MediatR;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.Register;

// CLARIFICATIONS R1: the gate, both emptiness checks, then username length, username characters, password length,
// alias length, alias control characters; each with its message and kind. Run through ValidationBehaviour, as the
// pipeline does, so the kind each rule names is the one the client sees.
public sealed class RegisterValidatorTests
{
    private static readonly string Long = new('a', 65);

    [Fact]
    public async Task A_valid_request_passes() =>
        Assert.Null(await RefusalOf(new RegisterCommand("alice_01", "password", "Alice 😀", "")));

    [Fact]
    public async Task A_closed_server_refuses_before_any_field_is_looked_at() =>
        await AssertRefused(new RegisterCommand("", "", "", ""), DomainError.Forbidden, "registration is disabled", Closed(token: null));

    [Fact]
    public async Task A_wrong_token_is_refused_before_any_field_is_looked_at() =>
        await AssertRefused(new RegisterCommand("_bad", "short", Long, "wrong"), DomainError.Forbidden, "invalid registration token", Closed("right"));

    [Fact]
    public async Task The_right_token_lets_the_field_rules_run() =>
        await AssertRefused(new RegisterCommand("", "password", "", "right"), DomainError.BadRequest, "username and password are required", Closed("right"));

    [Fact]
    public async Task The_right_token_admits_a_valid_request() =>
        Assert.Null(await RefusalOf(new RegisterCommand("alice", "password", "", "right"), Closed("right")));

    [Theory]
    [InlineData("right")]
    [InlineData(null)]
    public async Task A_live_invitation_lets_the_field_rules_run_with_or_without_a_configured_token(string? configured) =>
        await AssertRefused(new RegisterCommand("", "password", "", "live-invitation"), DomainError.BadRequest, "username and password are required", Closed(configured));

    [Fact]
    public async Task Any_other_invitation_token_is_refused_as_a_wrong_token_before_any_field_is_looked_at() =>
        await AssertRefused(new RegisterCommand("", "", "", "dead-invitation"), DomainError.Forbidden, "invalid registration token", Closed("right"));

    [Theory]
    [InlineData("", "password")]
    [InlineData("alice", "")]
    [InlineData("", "")]
    public async Task An_empty_username_or_password_is_a_bad_request(string username, string password) =>
        await AssertRefused(new RegisterCommand(username, password, "", ""), DomainError.BadRequest, "username and password are required");

    [Fact]
    public async Task Both_emptiness_checks_come_before_any_length_rule() =>
        await AssertRefused(new RegisterCommand(Long, "", "", ""), DomainError.BadRequest, "username and password are required");

    [Fact]
    public async Task A_username_of_64_bytes_is_accepted() =>
        Assert.Null(await RefusalOf(new RegisterCommand(new string('a', 64), "password", "", "")));

    [Fact]
    public async Task A_username_over_64_bytes_is_refused_before_its_characters_are_checked() =>
        await AssertRefused(new RegisterCommand(new string('-', 65), "password", "", ""), DomainError.Validation,
            "username exceeds maximum length of 64 characters");

    [Theory]
    [InlineData("_alice")]               // must start with a letter or digit
    [InlineData("alice-b")]
    [InlineData("alice b")]
    [InlineData("élise")]                // ASCII letters only
    [InlineData("alice\n")]              // \z, not $
    public async Task A_username_with_other_characters_is_refused(string username) =>
        await AssertRefused(new RegisterCommand(username, "password", "", ""), DomainError.Validation,
            "username must start with a letter or digit and contain only ASCII letters, digits, and underscores");

    [Theory]
    [InlineData("0day")]
    [InlineData("A_b_C")]
    public async Task A_username_may_start_with_a_digit_and_hold_underscores(string username) =>
        Assert.Null(await RefusalOf(new RegisterCommand(username, "password", "", "")));

    [Fact]
    public async Task The_username_rules_come_before_the_password_rule() =>
        await AssertRefused(new RegisterCommand("_alice", "short", "", ""), DomainError.Validation,
            "username must start with a letter or digit and contain only ASCII letters, digits, and underscores");

    [Theory]
    [InlineData("1234567")]
    [InlineData("ééé")]                  // 6 bytes
    public async Task A_password_under_8_bytes_is_refused(string password) =>
        await AssertRefused(new RegisterCommand("alice", password, "", ""), DomainError.Validation, "password must be at least 8 characters");

    [Fact]
    public async Task A_password_of_3_cjk_characters_is_9_bytes_and_accepted() =>
        Assert.Null(await RefusalOf(new RegisterCommand("alice", "密码密", "", "")));

    [Fact]
    public async Task The_password_rule_comes_before_the_alias_rules() =>
        await AssertRefused(new RegisterCommand("alice", "short", Long, ""), DomainError.Validation, "password must be at least 8 characters");

    [Fact]
    public async Task An_alias_of_64_bytes_is_accepted() =>
        Assert.Null(await RefusalOf(new RegisterCommand("alice", "password", new string('名', 21) + "a", "")));

    [Fact]
    public async Task An_alias_over_64_bytes_is_refused_even_when_it_has_fewer_characters() =>
        await AssertRefused(new RegisterCommand("alice", "password", new string('名', 22), ""), DomainError.Validation,
            "alias exceeds maximum length of 64 characters");

    [Fact]
    public async Task The_alias_length_comes_before_its_characters() =>
        await AssertRefused(new RegisterCommand("alice", "password", "\t" + Long, ""), DomainError.Validation,
            "alias exceeds maximum length of 64 characters");

    [Theory]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    [InlineData("nul\0")]
    [InlineData("\u001f")]
    [InlineData("del\u007f")]
    public async Task An_alias_with_an_ascii_control_character_is_refused(string alias) =>
        await AssertRefused(new RegisterCommand("alice", "password", alias, ""), DomainError.Validation,
            "alias must not contain ASCII control characters");

    [Theory]
    [InlineData("c1 \u0085 control")]    // C1 controls are allowed (CLARIFICATIONS C19)
    [InlineData("Ünïcödé ✓")]
    [InlineData("")]
    public async Task Any_other_alias_is_accepted(string alias) =>
        Assert.Null(await RefusalOf(new RegisterCommand("alice", "password", alias, "")));

    private static ServerSettings Closed(string? token) => new() { RegistrationEnabled = false, RegistrationToken = token };

    private static async Task AssertRefused(RegisterCommand command, DomainError kind, string message, ServerSettings? settings = null)
    {
        var refusal = await RefusalOf(command, settings);
        Assert.NotNull(refusal);
        Assert.Equal((kind, message), (refusal.Error, refusal.Message));
    }

    private static async Task<DomainException?> RefusalOf(RegisterCommand command, ServerSettings? settings = null)
    {
        var invitations = Substitute.For<IRegistrationInvitationRepository>();
        invitations.IsLiveAsync("hash of live-invitation", Arg.Any<long>(), Arg.Any<CancellationToken>()).Returns(true);
        var tokens = Substitute.For<ISessionTokens>();
        tokens.Hash(Arg.Any<string>()).Returns(call => $"hash of {call.Arg<string>()}");
        var validator = new RegisterValidator(new RegistrationGate(settings ?? new ServerSettings(), invitations, tokens, TimeProvider.System));
        var behaviour = new ValidationBehaviour<RegisterCommand, UserId>([validator]);
        try
        {
            await behaviour.Handle(command, default, () => Task.FromResult(UserId.New()));
            return null;
        }
        catch (DomainException exception)
        {
            return exception;
        }
    }
}
