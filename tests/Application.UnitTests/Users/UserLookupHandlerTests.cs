using Conclave.Application.Users;
using Conclave.Application.Users.Queries.GetUserById;
using Conclave.Application.Users.Queries.GetUserByUsername;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Users;

// CLARIFICATIONS R9, R10.
public sealed class UserLookupHandlerTests
{
    private readonly IUserQueries _users = Substitute.For<IUserQueries>();
    private readonly UserInfoDto _alice = new(UserId.New(), "Alice", "A", "fp");

    public UserLookupHandlerTests()
    {
        _users.GetAsync(_alice.UserId, Arg.Any<CancellationToken>()).Returns(_alice);
        _users.GetByUsernameAsync("Alice", Arg.Any<CancellationToken>()).Returns(_alice);
    }

    [Fact]
    public async Task By_id_finds_the_user() =>
        Assert.Same(_alice, await new GetUserByIdHandler(_users).Handle(new GetUserByIdQuery(_alice.UserId), default));

    [Fact]
    public async Task By_id_an_unknown_user_is_not_found() =>
        await AssertNotFound(() => new GetUserByIdHandler(_users).Handle(new GetUserByIdQuery(UserId.New()), default));

    [Fact]
    public async Task By_username_finds_the_user() =>
        Assert.Same(_alice, await new GetUserByUsernameHandler(_users).Handle(new GetUserByUsernameQuery("Alice"), default));

    [Fact]
    public async Task By_username_the_lookup_is_passed_on_exactly_so_case_matters() =>
        await AssertNotFound(() => new GetUserByUsernameHandler(_users).Handle(new GetUserByUsernameQuery("alice"), default));

    private static async Task AssertNotFound(Func<Task<UserInfoDto>> lookup)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(lookup);
        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }
}
