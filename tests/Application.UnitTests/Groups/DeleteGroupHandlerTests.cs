using Conclave.Application.Groups.Commands.DeleteGroup;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R19: the handler's branches in the reference order.
public sealed class DeleteGroupHandlerTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New();
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();
    private readonly Group _group = GroupBuilder.With(Alice, Bob);

    public DeleteGroupHandlerTests() => _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);

    [Fact]
    public async Task Delete_removes_the_group_and_announces_it()
    {
        await new DeleteGroupHandler(_groups).Handle(new DeleteGroupCommand(_group.Id, Alice), default);

        await _groups.Received(1).DeleteAsync(_group, Arg.Any<CancellationToken>());
        Assert.IsType<GroupDeleted>(Assert.Single(_group.DomainEvents));
    }

    [Fact]
    public async Task Delete_by_a_member_who_lost_admin_rights_deletes_nothing()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => new DeleteGroupHandler(_groups).Handle(new DeleteGroupCommand(_group.Id, Bob), default));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.DeleteGroup), (refusal.Error, refusal.Message));
        await _groups.DidNotReceive().DeleteAsync(Arg.Any<Group>(), Arg.Any<CancellationToken>());
    }
}
