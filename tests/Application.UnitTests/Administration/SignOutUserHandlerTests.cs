using Conclave.Application.Administration.Commands.SignOutUser;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

// The operator's sign-out (issue 28): every session of the user ends, the account stays, the streams are told.
public sealed class SignOutUserHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly ISessionRepository _sessions = Substitute.For<ISessionRepository>();
    private readonly User _alice = User.Register("alice", "$argon2id$alice", "", 0);

    public SignOutUserHandlerTests()
    {
        _alice.ClearDomainEvents();
        _users.GetByUsernameAsync("alice", Arg.Any<CancellationToken>()).Returns(_alice);
    }

    [Fact]
    public async Task An_unknown_username_is_not_found_and_no_session_ends()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new SignOutUserCommand("bob")));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
        await _sessions.DidNotReceiveWithAnyArgs().RemoveAllAsync(default, default);
    }

    [Fact]
    public async Task Every_session_ends_and_the_sign_out_is_raised()
    {
        _sessions.RemoveAllAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns(3);

        var ended = await Handle(new SignOutUserCommand("alice"));

        Assert.Equal(3, ended);
        Assert.Equal(new SignedOutEverywhere(_alice.Id), Assert.Single(_alice.DomainEvents));
        Assert.Equal("$argon2id$alice", _alice.PasswordHash);
    }

    private Task<int> Handle(SignOutUserCommand command) =>
        ((MediatR.IRequestHandler<SignOutUserCommand, int>)new SignOutUserHandler(_users, _sessions)).Handle(command, default);
}
