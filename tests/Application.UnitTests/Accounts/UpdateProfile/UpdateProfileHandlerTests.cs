using Conclave.Application.Accounts.Commands.UpdateProfile;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.UpdateProfile;

public sealed class UpdateProfileHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();

    [Fact]
    public async Task A_user_gone_since_authentication_is_not_found()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new UpdateProfileCommand(UserId.New(), "Al")));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }

    [Theory]
    [InlineData("Al")]
    [InlineData("")]                     // clears it (CLARIFICATIONS C20)
    public async Task The_alias_is_replaced_and_the_profile_change_announced(string alias)
    {
        var alice = User.Register("alice", "hash", "Alice", 0);
        alice.ClearDomainEvents();
        _users.GetAsync(alice.Id, Arg.Any<CancellationToken>()).Returns(alice);

        await Handle(new UpdateProfileCommand(alice.Id, alias));

        Assert.Equal(alias, alice.Alias);
        Assert.Equal(new ProfileUpdated(alice.Id), Assert.Single(alice.DomainEvents));
    }

    private Task Handle(UpdateProfileCommand command) => new UpdateProfileHandler(_users).Handle(command, default);
}
