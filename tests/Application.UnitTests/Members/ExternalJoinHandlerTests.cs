using Conclave.Application.Members.Commands.ExternalJoin;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using NSubstitute;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R30: GroupInfo required, flag consumed, mls_group_id set once, commit stored as the caller's message.
public sealed class ExternalJoinHandlerTests : MemberFixture
{
    public ExternalJoinHandlerTests() => GroupInfos.ExistsAsync(Group.Id, Arg.Any<CancellationToken>()).Returns(true);

    [Fact]
    public async Task A_flagged_joiners_commit_is_stored_and_announced_as_a_join()
    {
        var group = GroupBuilder.Public(Alice);
        group.JoinPublic(Carol, false, true, Now);
        group.ClearDomainEvents();
        Groups.GetAsync(group.Id, Arg.Any<CancellationToken>()).Returns(group);
        GroupInfos.ExistsAsync(group.Id, Arg.Any<CancellationToken>()).Returns(true);

        await Join(group.Id, Carol, [0xE1], "abcd");

        Assert.Empty(group.PendingExternalJoins);
        Assert.Equal("abcd", group.MlsGroupId);
        Assert.Equal((1L, Carol), (Stored.Single().SequenceNum, Stored.Single().SenderId));
        Assert.True(Assert.IsType<ExternalJoinCompleted>(Assert.Single(group.DomainEvents)).WasPendingJoin);
    }

    [Fact]
    public async Task A_rejoining_members_commit_is_announced_as_an_identity_reset()
    {
        await Join(Group.Id, Bob, [0xE1], "");
        Assert.False(Assert.IsType<ExternalJoinCompleted>(Assert.Single(Group.DomainEvents)).WasPendingJoin);
    }

    [Fact]
    public async Task Without_a_commit_nothing_is_stored_or_announced()
    {
        await Join(Group.Id, Bob, [], "");
        Assert.Empty(Stored);
        Assert.Empty(Group.DomainEvents);
    }

    [Fact]
    public async Task Missing_group_info_is_refused_before_the_flag_is_consumed()
    {
        var group = GroupBuilder.Public(Alice);
        group.JoinPublic(Carol, false, true, Now);
        Groups.GetAsync(group.Id, Arg.Any<CancellationToken>()).Returns(group);

        var refusal = await Refused(() => Join(group.Id, Carol, [1], "abcd"));

        Assert.Equal((DomainError.BadRequest, "no group info available for external join"), (refusal.Error, refusal.Message));
        Assert.Single(group.PendingExternalJoins);
        Assert.Equal("", group.MlsGroupId);
    }

    [Fact]
    public async Task A_caller_who_left_since_the_access_check_is_not_a_member()
    {
        var refusal = await Refused(() => Join(Group.Id, Carol, [1], ""));
        Assert.Equal(DomainError.NotMember, refusal.Error);
        Assert.Empty(Stored);
    }

    private Task Join(GroupId groupId, UserId caller, byte[] commit, string mlsGroupId) =>
        new ExternalJoinHandler(Groups, GroupInfos, Logs, Clock).Handle(new ExternalJoinCommand(groupId, caller, commit, mlsGroupId), default);
}
