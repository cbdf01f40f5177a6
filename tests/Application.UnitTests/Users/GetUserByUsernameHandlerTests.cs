using Conclave.Application.Users;
using Conclave.Application.Users.Queries.GetUserByUsername;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Users;

// CLARIFICATIONS R9.
public sealed class GetUserByUsernameHandlerTests
{
    private readonly IUserQueries _users = Substitute.For<IUserQueries>();
    private readonly UserInfoDto _alice = new(UserId.New(), "Alice", "A", "fp");

    public GetUserByUsernameHandlerTests() => _users.GetByUsernameAsync("Alice", Arg.Any<CancellationToken>()).Returns(_alice);

    [Fact]
    public async Task By_username_finds_the_user() =>
        Assert.Same(_alice, await new GetUserByUsernameHandler(_users).Handle(new GetUserByUsernameQuery("Alice"), default));

    [Fact]
    public async Task By_username_the_lookup_is_passed_on_exactly_so_case_matters()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            new GetUserByUsernameHandler(_users).Handle(new GetUserByUsernameQuery("alice"), default));
        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }
}
