using Conclave.Application.Messages.Commands.UploadCommit;
using Conclave.Application.UnitTests.Members;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using NSubstitute;

namespace Conclave.Application.UnitTests.Messages;

// CLARIFICATIONS R39.
public sealed class UploadCommitHandlerTests : MemberFixture
{
    [Fact]
    public async Task Upload_commit_stores_group_info_commit_and_mls_group_id()
    {
        await UploadCommit(Bob, commit: [0xC1], groupInfo: [0x11], mlsGroupId: "00ff");

        await GroupInfos.Received(1).ReplaceAsync(Group.Id, Arg.Any<byte[]>(), Arg.Any<CancellationToken>());
        Assert.Equal((1L, Bob), (Stored.Single().SequenceNum, Stored.Single().SenderId));
        Assert.Equal("00ff", Group.MlsGroupId);
        Assert.Equal(1, Assert.IsType<CommitUploaded>(Assert.Single(Group.DomainEvents)).SequenceNum);
    }

    [Fact]
    public async Task An_empty_commit_upload_changes_nothing()
    {
        await UploadCommit(Bob, [], [], "");

        Assert.Empty(Stored);
        Assert.Empty(Group.DomainEvents);
        await GroupInfos.DidNotReceiveWithAnyArgs().ReplaceAsync(default, default!, default);
    }

    [Fact]
    public async Task An_upload_by_someone_no_longer_a_member_changes_nothing()
    {
        var refusal = await Refused(() => UploadCommit(Carol, [], [0x11], "id"));

        Assert.Equal(DomainError.NotMember, refusal.Error);
        Assert.Equal("", Group.MlsGroupId);
        await GroupInfos.DidNotReceiveWithAnyArgs().ReplaceAsync(default, default!, default);
    }

    private Task UploadCommit(UserId caller, byte[] commit, byte[] groupInfo, string mlsGroupId) =>
        new UploadCommitHandler(Groups, Logs, Blobs, Clock).Handle(new UploadCommitCommand(Group.Id, caller, commit, groupInfo, mlsGroupId), default);
}
