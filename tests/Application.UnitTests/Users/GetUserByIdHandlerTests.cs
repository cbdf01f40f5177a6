using Conclave.Application.Users;
using Conclave.Application.Users.Queries.GetUserById;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Users;

// CLARIFICATIONS R10.
public sealed class GetUserByIdHandlerTests
{
    private readonly IUserQueries _users = Substitute.For<IUserQueries>();
    private readonly UserInfoDto _alice = new(UserId.New(), "Alice", "A", "fp");

    public GetUserByIdHandlerTests() => _users.GetAsync(_alice.UserId, Arg.Any<CancellationToken>()).Returns(_alice);

    [Fact]
    public async Task By_id_finds_the_user() =>
        Assert.Same(_alice, await new GetUserByIdHandler(_users).Handle(new GetUserByIdQuery(_alice.UserId), default));

    [Fact]
    public async Task By_id_an_unknown_user_is_not_found()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => new GetUserByIdHandler(_users).Handle(new GetUserByIdQuery(UserId.New()), default));
        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }
}
