using Conclave.Application.Common.Settings;
using Conclave.Application.Groups;
using Conclave.Application.Groups.Queries.GetRetentionPolicy;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Groups;

// CLARIFICATIONS R20.
public sealed class GetRetentionPolicyHandlerTests
{
    [Fact]
    public async Task Retention_reports_the_servers_and_the_groups_values()
    {
        var group = GroupId.New();
        var queries = Substitute.For<IGroupQueries>();
        queries.MessageExpiryAsync(group, Arg.Any<CancellationToken>()).Returns(0L);
        var handler = new GetRetentionPolicyHandler(queries, new ServerSettings { MessageRetentionSeconds = 7200 });

        Assert.Equal(new RetentionPolicyDto(7200, 0), await handler.Handle(new GetRetentionPolicyQuery(group, UserId.New()), default));
    }
}
