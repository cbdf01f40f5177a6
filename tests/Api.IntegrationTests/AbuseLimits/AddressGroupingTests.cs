using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.AbuseLimits;

// The per-address limits count an IPv6 client as its /64 (a holder of a /64 rotates freely inside it) and an IPv4
// client seen through a dual-stack socket (::ffff:a.b.c.d) as a.b.c.d.
public sealed class AddressGroupingTests
{
    [Fact]
    public async Task Ipv6_clients_of_one_slash_64_share_a_limit_and_another_slash_64_has_its_own()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 1, TrustedProxies = ["127.0.0.1"] });

        using var first = await RegisterAsync(server.Http, forwardedFor: "2001:db8:1:2::1");
        using var rotated = await RegisterAsync(server.Http, forwardedFor: "2001:db8:1:2:dead:beef:0:7");
        using var neighbour = await RegisterAsync(server.Http, forwardedFor: "2001:db8:1:3::1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.Created),
            (first.StatusCode, rotated.StatusCode, neighbour.StatusCode));
    }

    [Fact]
    public async Task On_a_dual_stack_socket_ipv4_loopback_and_ipv6_loopback_are_two_clients()
    {
        await using var server = await TestServer.StartAsync(c => c with { ListenAddress = "::", RegisterLimitPerMinute = 1 });
        var port = server.BaseAddress.Port;
        using var ipv4 = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }; // seen as ::ffff:127.0.0.1
        using var ipv6 = new HttpClient { BaseAddress = new Uri($"http://[::1]:{port}") };

        using var first = await RegisterAsync(ipv4);
        using var again = await RegisterAsync(ipv4);
        using var other = await RegisterAsync(ipv6);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.Created), (first.StatusCode, again.StatusCode, other.StatusCode));
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient http, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/register")
        {
            Content = new ByteArrayContent(new RegisterRequest { Username = AccountCalls.UniqueName("v6"), Password = "password123" }.ToByteArray()),
        };
        if (forwardedFor is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }
}
