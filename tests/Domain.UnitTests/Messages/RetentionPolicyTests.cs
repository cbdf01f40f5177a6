using Conclave.Domain.Messages;

namespace Conclave.Domain.UnitTests.Messages;

// spec retention/overview.md's table with decision 5: a server retention of 0 makes every group delete-after-fetch.
public sealed class RetentionPolicyTests
{
    [Theory]
    [InlineData(0, -1, true)]
    [InlineData(0, 3600, true)]
    [InlineData(-1, 0, true)]
    [InlineData(3600, 0, true)]
    [InlineData(0, 0, true)]
    [InlineData(-1, -1, false)]
    [InlineData(60, -1, false)]
    [InlineData(60, 3600, false)]
    public void A_group_deletes_after_fetch_when_its_own_or_the_servers_value_is_zero(long groupExpiry, long serverRetention, bool expected) =>
        Assert.Equal(expected, RetentionPolicy.DeletesAfterFetch(groupExpiry, serverRetention));
}
