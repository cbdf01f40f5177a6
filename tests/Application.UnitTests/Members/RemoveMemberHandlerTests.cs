using Conclave.Application.Members.Commands.RemoveMember;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using NSubstitute;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R22 after the access and id checks.
public sealed class RemoveMemberHandlerTests : MemberFixture
{
    [Fact]
    public async Task Remove_stores_the_group_info_and_the_commit_as_the_admins_next_message()
    {
        StoredCounter = 1; // an earlier message

        await Remove(Bob, commit: [0xC0], groupInfo: [0x61]);

        Assert.False(Group.IsMember(Bob));
        await GroupInfos.Received(1).ReplaceAsync(Group.Id, Arg.Is<byte[]>(b => b.SequenceEqual(new byte[] { 0x61 })), Arg.Any<CancellationToken>());
        var commit = Assert.Single(Stored);
        Assert.Equal((Group.Id, 2L, Alice, Now), (commit.GroupId, commit.SequenceNum, commit.SenderId, commit.CreatedAt));
        Assert.Equal([0xC0], commit.Data);
    }

    [Fact]
    public async Task Remove_without_blobs_stores_nothing()
    {
        await Remove(Bob, commit: [], groupInfo: []);

        Assert.Empty(Stored);
        await GroupInfos.DidNotReceiveWithAnyArgs().ReplaceAsync(default, default!, default);
        Assert.Equal(0, StoredCounter);
    }

    [Fact]
    public async Task Unknown_target_is_not_found_before_membership_is_checked()
    {
        var refusal = await Refused(() => Remove(UserId.New(), [1], [2]));

        Assert.Equal((DomainError.NotFound, "user not found"), (refusal.Error, refusal.Message));
        await Groups.DidNotReceiveWithAnyArgs().GetAsync(default, default);
    }

    [Fact]
    public async Task A_non_member_target_is_refused_before_any_blob_is_stored()
    {
        var refusal = await Refused(() => Remove(Carol, [1], [2]));

        Assert.Equal((DomainError.BadRequest, "user is not a member of this group"), (refusal.Error, refusal.Message));
        Assert.Empty(Stored);
        await GroupInfos.DidNotReceiveWithAnyArgs().ReplaceAsync(default, default!, default);
    }

    [Fact]
    public async Task A_group_deleted_since_the_access_check_refuses_as_not_admin()
    {
        var refusal = await Refused(() => new RemoveMemberHandler(Groups, Users, Blobs).Handle(
            new RemoveMemberCommand(GroupId.New(), Alice, Bytes(Bob), [], []), default));
        Assert.Equal((DomainError.NotAdmin, AdminOnly.Remove), (refusal.Error, refusal.Message));
    }

    private Task Remove(UserId target, byte[] commit, byte[] groupInfo) =>
        new RemoveMemberHandler(Groups, Users, Blobs).Handle(new RemoveMemberCommand(Group.Id, Alice, Bytes(target), commit, groupInfo), default);
}
