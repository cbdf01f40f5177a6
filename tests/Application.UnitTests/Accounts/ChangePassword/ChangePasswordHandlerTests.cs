using Conclave.Application.Accounts;
using Conclave.Application.Accounts.Commands.ChangePassword;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.ChangePassword;

// CLARIFICATIONS R6: current password (401) before the new one is looked at (400: required, then length), then
// every session of the user ends, the current one included.
public sealed class ChangePasswordHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ISessionRepository _sessions = Substitute.For<ISessionRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly User _alice = User.Register("alice", "$argon2id$old", "", 0);

    public ChangePasswordHandlerTests()
    {
        _alice.ClearDomainEvents();
        _users.GetAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns(_alice);
        _hasher.VerifyAsync("$argon2id$old", "current-pw", Arg.Any<CancellationToken>()).Returns(true);
        _hasher.HashAsync("new-password", Arg.Any<CancellationToken>()).Returns("$argon2id$new");
    }

    [Fact]
    public async Task A_user_gone_since_authentication_is_not_found()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new ChangePasswordCommand(UserId.New(), "current-pw", "new-password")));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }

    [Theory]
    [InlineData("")]                     // the empty body: 401, not 400
    [InlineData("short")]
    [InlineData("new-password")]
    public async Task A_wrong_current_password_is_refused_before_the_new_one_is_checked(string newPassword)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new ChangePasswordCommand(_alice.Id, "wrong", newPassword)));

        Assert.Equal((DomainError.InvalidCredentials, "invalid password"), (refusal.Error, refusal.Message));
        AssertNothingChanged();
    }

    [Fact]
    public async Task An_empty_new_password_is_required()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new ChangePasswordCommand(_alice.Id, "current-pw", "")));

        Assert.Equal((DomainError.Validation, "password is required"), (refusal.Error, refusal.Message));
        AssertNothingChanged();
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("密码")]                   // 6 bytes
    public async Task A_new_password_under_8_bytes_is_too_short(string newPassword)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new ChangePasswordCommand(_alice.Id, "current-pw", newPassword)));

        Assert.Equal((DomainError.Validation, "password must be at least 8 characters"), (refusal.Error, refusal.Message));
        AssertNothingChanged();
    }

    [Fact]
    public async Task The_new_hash_is_stored_and_every_session_ends()
    {
        await Handle(new ChangePasswordCommand(_alice.Id, "current-pw", "new-password"));

        Assert.Equal("$argon2id$new", _alice.PasswordHash);
        Assert.Equal(new PasswordChanged(_alice.Id), Assert.Single(_alice.DomainEvents));
        Received.InOrder(() =>
        {
            _hasher.HashAsync("new-password", Arg.Any<CancellationToken>());
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>()); // hashing happens outside the write lock
            _sessions.RemoveAllAsync(_alice.Id, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task The_new_password_may_equal_the_old_one()
    {
        _hasher.HashAsync("current-pw", Arg.Any<CancellationToken>()).Returns("$argon2id$same");

        await Handle(new ChangePasswordCommand(_alice.Id, "current-pw", "current-pw"));

        Assert.Equal("$argon2id$same", _alice.PasswordHash);
    }

    private void AssertNothingChanged()
    {
        Assert.Equal("$argon2id$old", _alice.PasswordHash);
        Assert.Empty(_alice.DomainEvents);
        _sessions.DidNotReceiveWithAnyArgs().RemoveAllAsync(default, default);
        _unitOfWork.DidNotReceiveWithAnyArgs().BeginAsync(default);
    }

    private Task Handle(ChangePasswordCommand command) =>
        new ChangePasswordHandler(_users, _hasher, new PasswordReplacement(_sessions, _hasher, _unitOfWork)).Handle(command, default);
}
