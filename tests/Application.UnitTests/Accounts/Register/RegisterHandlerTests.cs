using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Conclave.Domain.Registration;
using Conclave.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.Register;

// CLARIFICATIONS R1 after validation: hash (always, before the uniqueness test) → 409 → insert.
public sealed class RegisterHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly IRegistrationInvitationRepository _invitations = Substitute.For<IRegistrationInvitationRepository>();
    private readonly ISessionTokens _tokens = Substitute.For<ISessionTokens>();
    private ServerSettings _settings = new();

    public RegisterHandlerTests()
    {
        _hasher.HashAsync("password123", Arg.Any<CancellationToken>()).Returns("$argon2id$hash");
        _tokens.Hash(Arg.Any<string>()).Returns(call => $"hash of {call.Arg<string>()}");
    }

    [Fact]
    public async Task An_invitation_use_is_spent_inside_the_transaction_before_the_uniqueness_test()
    {
        _settings = new ServerSettings { RegistrationEnabled = false };
        var invitation = RegistrationInvitation.Create("hash of invite", uses: 1, lifetimeSeconds: 60, note: "", now: 1_800_000_000);
        _invitations.FindByTokenAsync("hash of invite", Arg.Any<CancellationToken>()).Returns(invitation);

        await Handle(new RegisterCommand("alice", "password123", "", "invite"));

        Assert.Equal((1, 0), (invitation.TimesUsed, invitation.UsesLeft));
        Received.InOrder(() =>
        {
            _hasher.HashAsync("password123", Arg.Any<CancellationToken>());
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>());
            _invitations.FindByTokenAsync("hash of invite", Arg.Any<CancellationToken>());
            _users.UsernameTakenAsync("alice", Arg.Any<CancellationToken>());
            _users.Add(Arg.Any<User>());
        });
    }

    [Fact]
    public async Task An_invitation_spent_since_validation_is_refused_as_a_wrong_token_and_adds_nobody()
    {
        _settings = new ServerSettings { RegistrationEnabled = false, RegistrationToken = "configured" };
        var invitation = RegistrationInvitation.Create("hash of invite", uses: 1, lifetimeSeconds: 60, note: "", now: 1_800_000_000);
        Assert.True(invitation.TryConsume(1_800_000_000)); // a concurrent registration's
        _invitations.FindByTokenAsync("hash of invite", Arg.Any<CancellationToken>()).Returns(invitation);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new RegisterCommand("alice", "password123", "", "invite")));

        Assert.Equal((DomainError.Forbidden, "invalid registration token"), (refusal.Error, refusal.Message));
        _users.DidNotReceiveWithAnyArgs().Add(default!);
    }

    [Fact]
    public async Task A_taken_username_is_a_conflict_naming_it_after_the_password_was_hashed()
    {
        _users.UsernameTakenAsync("alice", Arg.Any<CancellationToken>()).Returns(true);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new RegisterCommand("alice", "password123", "", "")));

        Assert.Equal((DomainError.Conflict, "username 'alice' already exists"), (refusal.Error, refusal.Message));
        Received.InOrder(() =>
        {
            _hasher.HashAsync("password123", Arg.Any<CancellationToken>());
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>());
            _users.UsernameTakenAsync("alice", Arg.Any<CancellationToken>());
        });
        _users.DidNotReceiveWithAnyArgs().Add(default!);
    }

    [Fact]
    public async Task A_new_user_is_added_with_the_hash_alias_and_time_inside_the_transaction()
    {
        User? added = null;
        _users.Add(Arg.Do<User>(user => added = user));

        var id = await Handle(new RegisterCommand("alice", "password123", "Alice", "ignored"));

        Assert.NotNull(added);
        Assert.Equal(id, added.Id);
        Assert.Equal(("alice", "$argon2id$hash", "Alice", "", 1_800_000_000L),
            (added.Username, added.PasswordHash, added.Alias, added.SigningKeyFingerprint, added.CreatedAt));
        Received.InOrder(() =>
        {
            _hasher.HashAsync("password123", Arg.Any<CancellationToken>());
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>());
            _users.Add(Arg.Any<User>());
        });
    }

    [Fact]
    public async Task Usernames_are_checked_as_given_so_case_variants_are_distinct()
    {
        _users.UsernameTakenAsync("alice", Arg.Any<CancellationToken>()).Returns(true);

        await Handle(new RegisterCommand("Alice", "password123", "", ""));

        _users.Received(1).Add(Arg.Is<User>(u => u.Username == "Alice"));
    }

    private Task<UserId> Handle(RegisterCommand command) =>
        new RegisterHandler(_users, new RegistrationGate(_settings, _invitations, _tokens, _clock), _hasher, _unitOfWork, _clock).Handle(command, default);
}
