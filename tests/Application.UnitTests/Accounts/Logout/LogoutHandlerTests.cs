using Conclave.Application.Accounts.Commands.Logout;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.Logout;

// CLARIFICATIONS R3: only the presenting session ends.
public sealed class LogoutHandlerTests
{
    private readonly ISessionRepository _sessions = Substitute.For<ISessionRepository>();

    [Fact]
    public async Task The_presenting_session_is_removed_and_announced()
    {
        var user = UserId.New();
        var session = new Session("hash", user, 0, 2_000_000_000);
        _sessions.FindAsync("hash", Arg.Any<CancellationToken>()).Returns(session);

        await Handle(new LogoutCommand("hash"));

        _sessions.Received(1).Remove(session);
        await _sessions.DidNotReceiveWithAnyArgs().RemoveAllAsync(default, default);
        Assert.Equal(new SessionEnded(user, "hash"), Assert.Single(session.DomainEvents));
    }

    [Fact]
    public async Task A_session_already_gone_is_no_error()
    {
        await Handle(new LogoutCommand("hash"));

        _sessions.DidNotReceiveWithAnyArgs().Remove(default!);
    }

    private Task Handle(LogoutCommand command) => new LogoutHandler(_sessions).Handle(command, default);
}
