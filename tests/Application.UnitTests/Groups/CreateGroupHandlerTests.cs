using Conclave.Application.Groups.Commands.CreateGroup;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R14: the handler's branches in the reference order.
public sealed class CreateGroupHandlerTests
{
    private static readonly UserId Alice = UserId.New();
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();

    [Fact]
    public async Task Create_adds_a_group_with_the_caller_as_admin()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_000));
        Group? added = null;
        _groups.Add(Arg.Do<Group>(g => added = g));

        var id = await new CreateGroupHandler(_groups, clock).Handle(new CreateGroupCommand(Alice, "club", "Club"), default);

        Assert.NotNull(added);
        Assert.Equal((id, "club", "Club", 1_000L), (added.Id, added.Name, added.Alias, added.CreatedAt));
        Assert.Equal(GroupRole.Admin, added.RoleOf(Alice));
    }

    [Fact]
    public async Task Create_refuses_a_taken_name_and_adds_nothing()
    {
        _groups.NameTakenAsync("club", Arg.Any<CancellationToken>()).Returns(true);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            new CreateGroupHandler(_groups, TimeProvider.System).Handle(new CreateGroupCommand(Alice, "club", ""), default));

        Assert.Equal((DomainError.Conflict, "group_name 'club' already exists"), (refusal.Error, refusal.Message));
        _groups.DidNotReceive().Add(Arg.Any<Group>());
    }
}
