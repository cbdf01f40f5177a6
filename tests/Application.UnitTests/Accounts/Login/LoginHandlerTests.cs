using Conclave.Application.Accounts.Commands.Login;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.Login;

// CLARIFICATIONS R2 and §4.7: exact lookup → unknown: one dummy verification, 401 → wrong password: 401 (same
// message) → a new session expiring at now + token_ttl_seconds.
public sealed class LoginHandlerTests
{
    private const long Now = 1_800_000_000;
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ISessionRepository _sessions = Substitute.For<ISessionRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly ISessionTokens _tokens = Substitute.For<ISessionTokens>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly User _alice = User.Register("Alice", "$argon2id$alice", "", 0);

    public LoginHandlerTests()
    {
        _users.GetByUsernameAsync("Alice", Arg.Any<CancellationToken>()).Returns(_alice);
        _hasher.VerifyAsync("$argon2id$alice", "password123", Arg.Any<CancellationToken>()).Returns(true);
        _tokens.NewToken().Returns("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
        _tokens.Hash("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").Returns("token-hash");
    }

    [Fact]
    public async Task An_unknown_username_costs_one_dummy_verification_and_is_refused()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new LoginCommand("alice", "password123")));

        Assert.Equal((DomainError.InvalidCredentials, "invalid username or password"), (refusal.Error, refusal.Message));
        _ = _hasher.Received(1).VerifyDummyAsync(Arg.Any<CancellationToken>());
        _ = _hasher.DidNotReceiveWithAnyArgs().VerifyAsync(default!, default!, default);
        _sessions.DidNotReceiveWithAnyArgs().Add(default!);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_same_message()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new LoginCommand("Alice", "password124")));

        Assert.Equal((DomainError.InvalidCredentials, "invalid username or password"), (refusal.Error, refusal.Message));
        _ = _hasher.Received(1).VerifyAsync("$argon2id$alice", "password124", Arg.Any<CancellationToken>());
        _ = _hasher.DidNotReceive().VerifyDummyAsync(Arg.Any<CancellationToken>());
        _sessions.DidNotReceiveWithAnyArgs().Add(default!);
    }

    [Fact]
    public async Task A_login_opens_a_session_keyed_by_the_token_hash_for_the_ttl()
    {
        Session? added = null;
        _sessions.Add(Arg.Do<Session>(session => added = session));

        var result = await Handle(new LoginCommand("Alice", "password123"));

        Assert.Equal(new LoginResult("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", _alice.Id, "Alice"), result);
        Assert.NotNull(added);
        Assert.Equal(("token-hash", _alice.Id, Now, Now + 3_600), (added.TokenHash, added.UserId, added.CreatedAt, added.ExpiresAt));
        Received.InOrder(() =>
        {
            _hasher.VerifyAsync("$argon2id$alice", "password123", Arg.Any<CancellationToken>());
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>()); // never hold the write lock across Argon2id
            _sessions.Add(Arg.Any<Session>());
        });
    }

    private Task<LoginResult> Handle(LoginCommand command) =>
        new LoginHandler(_users, _sessions, _hasher, _tokens, _unitOfWork, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now)),
            new ServerSettings { TokenTtlSeconds = 3_600 }).Handle(command, default);
}
