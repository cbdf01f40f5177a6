using Conclave.Application.Groups.Queries.GetGroupInfo;
using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R17.
public sealed class GetGroupInfoHandlerTests
{
    private static readonly UserId Alice = UserId.New();
    private readonly IGroupInfoRepository _groupInfos = Substitute.For<IGroupInfoRepository>();

    public GetGroupInfoHandlerTests() =>
        _groupInfos.GetAsync(Arg.Any<GroupId>(), Arg.Any<CancellationToken>()).Returns((byte[]?)null); // NSubstitute would answer []

    [Fact]
    public async Task Group_info_is_returned_or_not_found()
    {
        var group = GroupId.New();
        var handler = new GetGroupInfoHandler(_groupInfos);
        _groupInfos.GetAsync(group, Arg.Any<CancellationToken>()).Returns([1]);
        Assert.Equal([1], await handler.Handle(new GetGroupInfoQuery(group, Alice), default));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => handler.Handle(new GetGroupInfoQuery(GroupId.New(), Alice), default));
        Assert.Equal((DomainError.NotFound, "no group info available"), (refusal.Error, refusal.Message));
    }
}
