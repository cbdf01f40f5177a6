using Conclave.Application.Accounts.Commands.ResetAccount;
using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.ResetAccount;

// CLARIFICATIONS R7: every key package of the caller goes; nothing else changes.
public sealed class ResetAccountHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IKeyPackageRepository _keyPackages = Substitute.For<IKeyPackageRepository>();

    [Fact]
    public async Task A_user_gone_since_authentication_is_not_found()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new ResetAccountCommand(UserId.New())));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
        await _keyPackages.DidNotReceiveWithAnyArgs().RemoveAllAsync(default, default);
    }

    [Fact]
    public async Task Every_key_package_is_removed_and_the_reset_announced()
    {
        var alice = User.Register("alice", "$argon2id$alice", "Alice", 0);
        alice.ReplaceFingerprint("fingerprint");
        alice.ClearDomainEvents();
        _users.GetAsync(alice.Id, Arg.Any<CancellationToken>()).Returns(alice);

        await Handle(new ResetAccountCommand(alice.Id));

        await _keyPackages.Received(1).RemoveAllAsync(alice.Id, Arg.Any<CancellationToken>());
        Assert.Equal(new AccountReset(alice.Id), Assert.Single(alice.DomainEvents));
        Assert.Equal(("fingerprint", "Alice", "$argon2id$alice"), (alice.SigningKeyFingerprint, alice.Alias, alice.PasswordHash));
    }

    private Task Handle(ResetAccountCommand command) => new ResetAccountHandler(_users, _keyPackages).Handle(command, default);
}
