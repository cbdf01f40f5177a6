using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Messages;

// CLARIFICATIONS §7.3 and decision 6: default 100, cap 500, and a negative limit is the cap (the reference: everything).
public sealed class FetchLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Default_100_cap_500_and_negative_limits_mean_the_cap()
    {
        var alice = await Spec.NewUserAsync("alice");
        var group = await Spec.CreateGroupAsync(alice);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 130; i++) await Spec.SendAsync(group, alice, [1]);
        }));

        Assert.Equal(100, (await Spec.FetchAsync(group, alice)).Count);
        Assert.Equal(500, (await Spec.FetchAsync(group, alice, "?limit=501")).Count);
        Assert.Equal(500, (await Spec.FetchAsync(group, alice, "?limit=9223372036854775807")).Count);
        var negative = await Spec.FetchAsync(group, alice, "?limit=-1");
        Assert.Equal(Enumerable.Range(1, 500).Select(n => (ulong)n), negative.Select(m => m.SequenceNum));
        Assert.Equal(20, (await Spec.FetchAsync(group, alice, "?after=500&limit=-5")).Count);
    }
}
