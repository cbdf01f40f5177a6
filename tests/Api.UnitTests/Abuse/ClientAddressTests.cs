using System.Net;
using Conclave.Api.Abuse;

namespace Conclave.Api.UnitTests.Abuse;

// The per-address limits' key: IPv4 as it is (also when a dual-stack socket maps it), IPv6 by its /64.
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::/64")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("fe80::1%2", "fe80::/64")]
    public void An_address_counts_as_its_key(string address, string key) =>
        Assert.Equal(key, ClientAddress.Of(IPAddress.Parse(address)));

    [Fact]
    public void Addresses_rotated_inside_one_slash_64_share_a_key_and_other_slash_64s_do_not()
    {
        var rotated = Enumerable.Range(1, 100).Select(i => ClientAddress.Of(IPAddress.Parse($"2001:db8:aa:bb:{i:x}::{i:x}")));
        var neighbours = Enumerable.Range(1, 100).Select(i => ClientAddress.Of(IPAddress.Parse($"2001:db8:aa:{i:x}::1")));

        Assert.Single(rotated.Distinct());
        Assert.Equal(100, neighbours.Distinct().Count());
    }

    [Fact]
    public void No_address_is_unknown() => Assert.Equal("unknown", ClientAddress.Of(null));
}
