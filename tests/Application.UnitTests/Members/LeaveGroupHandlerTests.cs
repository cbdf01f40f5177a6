using Conclave.Application.Members.Commands.LeaveGroup;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Members;

// CLARIFICATIONS R23 after the access and id checks.
public sealed class LeaveGroupHandlerTests : MemberFixture
{
    [Fact]
    public async Task Leave_stores_the_blobs_from_the_leaver()
    {
        await new LeaveGroupHandler(Groups, Blobs).Handle(new LeaveGroupCommand(Group.Id, Bob, [0x07], [0x08]), default);

        Assert.False(Group.IsMember(Bob));
        Assert.Equal((1L, Bob), (Stored.Single().SequenceNum, Stored.Single().SenderId));
        await GroupInfos.Received(1).ReplaceAsync(Group.Id, Arg.Any<byte[]>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Leave_by_someone_no_longer_a_member_stores_nothing()
    {
        var refusal = await Refused(() => new LeaveGroupHandler(Groups, Blobs).Handle(new LeaveGroupCommand(Group.Id, Carol, [1], [2]), default));

        Assert.Equal(DomainError.NotMember, refusal.Error);
        Assert.Empty(Stored);
    }
}
