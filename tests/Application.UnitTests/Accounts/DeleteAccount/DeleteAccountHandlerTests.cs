using Conclave.Application.Accounts;
using Conclave.Application.Accounts.Commands.DeleteAccount;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Accounts.DeleteAccount;

// CLARIFICATIONS R8: password (401) → snapshot of the groups and their other members → one deletion.
public sealed class DeleteAccountHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IMembershipQueries _memberships = Substitute.For<IMembershipQueries>();
    private readonly IPasswordHasher _hasher = Substitute.For<IPasswordHasher>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly User _alice = User.Register("alice", "$argon2id$alice", "", 0);
    private static readonly UserId Bob = UserId.New(), Carol = UserId.New();

    public DeleteAccountHandlerTests()
    {
        _alice.ClearDomainEvents();
        _users.GetAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns(_alice);
        _hasher.VerifyAsync("$argon2id$alice", "password123", Arg.Any<CancellationToken>()).Returns(true);
    }

    [Fact]
    public async Task A_user_gone_since_authentication_is_not_found()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new DeleteAccountCommand(UserId.New(), "password123")));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
    }

    [Theory]
    [InlineData("")]                     // the empty body
    [InlineData("password124")]
    public async Task A_wrong_password_is_refused_and_nothing_is_deleted(string password)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new DeleteAccountCommand(_alice.Id, password)));

        Assert.Equal((DomainError.InvalidCredentials, "invalid password"), (refusal.Error, refusal.Message));
        await _users.DidNotReceiveWithAnyArgs().DeleteAsync(default!, default);
        Assert.Empty(_alice.DomainEvents);
    }

    [Fact]
    public async Task The_user_is_deleted_and_each_group_with_other_members_is_told_who_remains()
    {
        var shared = GroupId.New();
        var alone = GroupId.New();
        var pair = GroupId.New();
        _memberships.GroupsOfAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns(
        [
            new GroupMembers(shared, [Bob, _alice.Id, Carol]),
            new GroupMembers(alone, [_alice.Id]),
            new GroupMembers(pair, [_alice.Id, Carol]),
        ]);

        await Handle(new DeleteAccountCommand(_alice.Id, "password123"));

        var deleted = Assert.IsType<AccountDeleted>(Assert.Single(_alice.DomainEvents));
        Assert.Equal(_alice.Id, deleted.UserId);
        Assert.Equal([(shared, new[] { Bob, Carol }), (pair, new[] { Carol })],
            deleted.Groups.Select(g => (g.GroupId, g.Members.ToArray())).ToArray());
        Received.InOrder(() =>
        {
            _hasher.VerifyAsync("$argon2id$alice", "password123", Arg.Any<CancellationToken>());
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>()); // the snapshot is taken inside the transaction
            _memberships.GroupsOfAsync(_alice.Id, Arg.Any<CancellationToken>());
            _users.DeleteAsync(_alice, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task A_user_in_no_group_is_deleted_with_nobody_to_tell()
    {
        _memberships.GroupsOfAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns([]);

        await Handle(new DeleteAccountCommand(_alice.Id, "password123"));

        Assert.Empty(Assert.IsType<AccountDeleted>(Assert.Single(_alice.DomainEvents)).Groups);
        await _users.Received(1).DeleteAsync(_alice, Arg.Any<CancellationToken>());
    }

    private Task Handle(DeleteAccountCommand command) =>
        new DeleteAccountHandler(_users, _hasher, new AccountDeletion(_users, _memberships, _unitOfWork)).Handle(command, default);
}
