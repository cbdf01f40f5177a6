using Conclave.Application.Accounts.Queries.GetMe;
using Conclave.Application.Users;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.GetMe;

// CLARIFICATIONS R4.
public sealed class GetMeHandlerTests
{
    private readonly IUserQueries _users = Substitute.For<IUserQueries>();

    [Fact]
    public async Task Returns_the_callers_profile()
    {
        var alice = new UserInfoDto(UserId.New(), "alice", "", "");
        _users.GetAsync(alice.UserId, Arg.Any<CancellationToken>()).Returns(alice);

        Assert.Same(alice, await new GetMeHandler(_users).Handle(new GetMeQuery(alice.UserId), default));
    }

    [Fact]
    public async Task A_user_gone_since_authentication_is_not_found()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => new GetMeHandler(_users).Handle(new GetMeQuery(UserId.New()), default));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }
}
