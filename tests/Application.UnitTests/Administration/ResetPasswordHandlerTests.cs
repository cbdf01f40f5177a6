using Conclave.Application.Accounts;
using Conclave.Application.Administration.Commands.ResetPassword;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

// The operator's reset: change-password without the current password (admin CLI).
public sealed class ResetPasswordHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ISessionRepository _sessions = Substitute.For<ISessionRepository>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly User _alice = User.Register("alice", "$argon2id$old", "", 0);

    public ResetPasswordHandlerTests()
    {
        _alice.ClearDomainEvents();
        _users.GetByUsernameAsync("alice", Arg.Any<CancellationToken>()).Returns(_alice);
        _hasher.HashAsync("new password", Arg.Any<CancellationToken>()).Returns("$argon2id$new");
    }

    [Fact]
    public async Task An_unknown_username_is_not_found_and_nothing_is_hashed()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new ResetPasswordCommand("Alice", "new password")));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
        _ = _hasher.DidNotReceiveWithAnyArgs().HashAsync(default!, default);
    }

    [Fact]
    public async Task The_password_is_replaced_and_every_session_removed_inside_the_transaction()
    {
        await Handle(new ResetPasswordCommand("alice", "new password"));

        Assert.Equal("$argon2id$new", _alice.PasswordHash);
        Assert.IsType<PasswordChanged>(Assert.Single(_alice.DomainEvents));
        Received.InOrder(() =>
        {
            _hasher.HashAsync("new password", Arg.Any<CancellationToken>());                          // Argon2id outside the write lock
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>());
            _sessions.RemoveAllAsync(_alice.Id, Arg.Any<CancellationToken>());
        });
    }

    private Task Handle(ResetPasswordCommand command) =>
        new ResetPasswordHandler(_users, new PasswordReplacement(_sessions, _hasher, _unitOfWork)).Handle(command, default);
}
