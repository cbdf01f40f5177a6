using Conclave.Application.Groups.Commands.JoinGroup;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Invites;
using Conclave.Domain.Messages;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R18.
public sealed class JoinGroupHandlerTests
{
    private static readonly UserId Alice = UserId.New(), Carol = UserId.New();
    private readonly IGroupRepository _groups = Substitute.For<IGroupRepository>();
    private readonly IInviteRepository _invites = Substitute.For<IInviteRepository>();
    private readonly IGroupInfoRepository _groupInfos = Substitute.For<IGroupInfoRepository>();
    private readonly Group _group = GroupBuilder.Public(Alice);

    public JoinGroupHandlerTests()
    {
        _groups.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns(_group);
        _groupInfos.GetAsync(Arg.Any<GroupId>(), Arg.Any<CancellationToken>()).Returns((byte[]?)null); // NSubstitute would answer []
    }

    [Fact]
    public async Task Join_adds_the_caller_and_returns_the_stored_group_info()
    {
        _groupInfos.GetAsync(_group.Id, Arg.Any<CancellationToken>()).Returns([7, 7]);

        var groupInfo = await Join(_group.Id);

        Assert.Equal([7, 7], groupInfo);
        Assert.Equal(GroupRole.Member, _group.RoleOf(Carol));
    }

    [Fact]
    public async Task Unknown_group_is_not_found_before_anything_else_is_looked_at()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Join(GroupId.New()));

        Assert.Equal((DomainError.NotFound, "group not found"), (refusal.Error, refusal.Message));
        await _invites.DidNotReceiveWithAnyArgs().PendingExistsAsync(default, default, default);
    }

    [Fact]
    public async Task A_pending_invite_is_refused_before_the_missing_group_info()
    {
        _invites.PendingExistsAsync(_group.Id, Carol, Arg.Any<CancellationToken>()).Returns(true);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Join(_group.Id));
        Assert.Equal("you have a pending invite for this group", refusal.Message);
    }

    [Fact]
    public async Task Without_group_info_nobody_joins()
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Join(_group.Id));
        Assert.Equal((DomainError.BadRequest, "no group info available for this group"), (refusal.Error, refusal.Message));
        Assert.False(_group.IsMember(Carol));
    }

    private Task<byte[]> Join(GroupId groupId) =>
        new JoinGroupHandler(_groups, _invites, _groupInfos, TimeProvider.System).Handle(new JoinGroupCommand(groupId, Carol), default);
}
