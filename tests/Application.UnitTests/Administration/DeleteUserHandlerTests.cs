using Conclave.Application.Accounts;
using Conclave.Application.Administration.Commands.DeleteUser;
using Conclave.Application.Common.Persistence;
using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Users;
using NSubstitute;

namespace Conclave.Application.UnitTests.Administration;

// The operator's delete: delete-account's cascade and events, found by username, without a password.
public sealed class DeleteUserHandlerTests
{
    private readonly IUserRepository _users = Substitute.For<IUserRepository>();
    private readonly IMembershipQueries _memberships = Substitute.For<IMembershipQueries>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly User _alice = User.Register("alice", "$argon2id$alice", "", 0);
    private static readonly UserId Bob = UserId.New();

    public DeleteUserHandlerTests()
    {
        _alice.ClearDomainEvents();
        _users.GetByUsernameAsync("alice", Arg.Any<CancellationToken>()).Returns(_alice);
    }

    [Fact]
    public async Task An_unknown_username_is_not_found_and_nothing_is_deleted()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Handle(new DeleteUserCommand("bob")));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
        await _users.DidNotReceiveWithAnyArgs().DeleteAsync(default!, default);
        await _unitOfWork.DidNotReceiveWithAnyArgs().BeginAsync(default);
    }

    [Fact]
    public async Task The_user_is_deleted_and_the_groups_told_who_remains()
    {
        var group = GroupId.New();
        _memberships.GroupsOfAsync(_alice.Id, Arg.Any<CancellationToken>()).Returns([new GroupMembers(group, [_alice.Id, Bob])]);

        await Handle(new DeleteUserCommand("alice"));

        var deleted = Assert.IsType<AccountDeleted>(Assert.Single(_alice.DomainEvents));
        var told = Assert.Single(deleted.Groups);
        Assert.Equal(group, told.GroupId);
        Assert.Equal([Bob], told.Members);
        Received.InOrder(() =>
        {
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>());
            _memberships.GroupsOfAsync(_alice.Id, Arg.Any<CancellationToken>());
            _users.DeleteAsync(_alice, Arg.Any<CancellationToken>());
        });
    }

    private Task Handle(DeleteUserCommand command) =>
        new DeleteUserHandler(_users, new AccountDeletion(_users, _memberships, _unitOfWork)).Handle(command, default);
}
