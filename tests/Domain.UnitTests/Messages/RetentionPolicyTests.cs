using Conclave.Domain.Messages;

namespace Conclave.Domain.UnitTests.Messages;

// spec retention/overview.md, "Effective Expiry Calculation", every row (decision 5: server 0 wins everywhere).
public sealed class RetentionPolicyTests
{
    [Theory]
    [InlineData(-1, -1, -1)]
    [InlineData(-1, 60, 60)]
    [InlineData(-1, 0, 0)]
    [InlineData(600, -1, 600)]
    [InlineData(600, 60, 60)]
    [InlineData(60, 600, 60)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 60, 0)]
    [InlineData(0, 0, 0)]
    [InlineData(600, 0, 0)]
    public void Effective_expiry_follows_the_spec_table(long server, long group, long effective) =>
        Assert.Equal(effective, RetentionPolicy.EffectiveExpiry(server, group));

    [Theory]
    [InlineData(-1, -1, null)]          // kept forever
    [InlineData(-1, 250, 1_000L - 250)]
    [InlineData(150, -1, 1_000L - 150)]
    [InlineData(300, 150, 1_000L - 150)]
    [InlineData(100, 250, 1_000L - 100)]
    [InlineData(300, 0, null)]          // delete-after-fetch: no ageing
    [InlineData(0, 60, null)]
    public void Messages_age_out_one_effective_expiry_after_their_creation(long server, long group, long? before) =>
        Assert.Equal(before, RetentionPolicy.AgedOutBefore(server, group, now: 1_000));

    [Theory]
    [InlineData(0, -1, true)]
    [InlineData(-1, 0, true)]
    [InlineData(600, 0, true)]
    [InlineData(600, -1, false)]
    [InlineData(-1, 60, false)]
    public void Watermarks_are_tracked_only_in_delete_after_fetch_groups(long server, long group, bool tracked) =>
        Assert.Equal(tracked, RetentionPolicy.TracksWatermarks(server, group));

    [Theory]
    [InlineData(600, 601, true)]
    [InlineData(600, 600, false)]
    [InlineData(600, -1, false)]
    [InlineData(600, 0, false)]
    [InlineData(0, 999_999, false)]
    [InlineData(-1, 999_999, false)]
    public void A_group_expiry_is_capped_only_by_a_positive_server_retention(long server, long group, bool exceeds) =>
        Assert.Equal(exceeds, RetentionPolicy.ExceedsServerRetention(server, group));
}
