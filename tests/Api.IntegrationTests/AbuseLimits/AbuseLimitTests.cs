using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.AbuseLimits;

// CLARIFICATIONS decision 11 and §4.7: register_limit_per_minute and login_failure_limit_per_minute on the real
// server, over every surface; 429 with an ErrorResponse whose code is UNSPECIFIED (absent on the wire).
public sealed class AbuseLimitTests
{
    private const string Password = "password123";

    [Fact]
    public async Task Registrations_beyond_the_limit_from_one_address_get_429_naming_the_limit()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 3 });
        for (var i = 0; i < 3; i++) await server.Spec.RegisterAsync(AccountCalls.UniqueName("reg"));

        using var refused = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = AccountCalls.UniqueName("reg"), Password = Password });

        await AssertRateLimitedAsync(refused, "rate limit exceeded: at most 3 registrations per minute from this address");
    }

    [Fact]
    public async Task Parallel_registrations_from_one_address_admit_exactly_the_limit()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 5 });

        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var response = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = AccountCalls.UniqueName("par"), Password = Password });
            return response.StatusCode;
        }));

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Every_registration_request_counts_whatever_its_outcome()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 2 });
        using var invalid = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = "_bad", Password = Password });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        await server.Spec.RegisterAsync(AccountCalls.UniqueName("reg"));

        using var refused = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = AccountCalls.UniqueName("reg"), Password = Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Failed_logins_beyond_the_limit_get_429_even_with_the_right_password()
    {
        await using var server = await TestServer.StartAsync(c => c with { LoginFailureLimitPerMinute = 3 });
        var name = AccountCalls.UniqueName("victim");
        await server.Spec.RegisterAsync(name);
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await server.Spec.LoginRawAsync(name, "wrong-password");
            await SpecClient.AssertErrorAsync(wrong, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid username or password");
        }

        using var refused = await server.Spec.LoginRawAsync(name, Password);

        await AssertRateLimitedAsync(refused, "rate limit exceeded: at most 3 failed logins per minute from this address");
    }

    [Fact]
    public async Task Successful_logins_never_count()
    {
        await using var server = await TestServer.StartAsync(c => c with { LoginFailureLimitPerMinute = 2 });
        var name = AccountCalls.UniqueName("user");
        await server.Spec.RegisterAsync(name);

        for (var i = 0; i < 6; i++) await server.Spec.LoginAsync(name);

        using var wrong = await server.Spec.LoginRawAsync(name, "wrong-password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Parallel_wrong_passwords_get_exactly_the_limit_of_401s_and_then_429s()
    {
        await using var server = await TestServer.StartAsync(c => c with { LoginFailureLimitPerMinute = 4 });
        var name = AccountCalls.UniqueName("victim");
        await server.Spec.RegisterAsync(name);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using var response = await server.Spec.LoginRawAsync(name, $"guess-{i}-wrong");
            return response.StatusCode;
        }));

        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(8, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Without_trusted_proxies_x_forwarded_for_is_ignored()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 1 });
        using var first = await RegisterFromAsync(server, "203.0.113.1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await RegisterFromAsync(server, "203.0.113.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task Loopback_is_not_trusted_by_default_even_when_other_proxies_are()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 1, TrustedProxies = ["10.9.9.9"] });
        using var first = await RegisterFromAsync(server, "203.0.113.1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await RegisterFromAsync(server, "203.0.113.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 1, TrustedProxies = ["127.0.0.1"] });
        using var first = await RegisterFromAsync(server, "203.0.113.1");
        using var other = await RegisterFromAsync(server, "203.0.113.2");
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, other.StatusCode));

        // The client forged a hop in front of its real address; the trusted proxy appended that real address.
        using var again = await RegisterFromAsync(server, "198.51.100.99, 203.0.113.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
    }

    [Fact]
    public async Task Zero_means_unlimited_from_loopback()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 0, LoginFailureLimitPerMinute = 0 });
        var names = Enumerable.Range(0, 40).Select(_ => AccountCalls.UniqueName("many")).ToList();

        foreach (var name in names) await server.Spec.RegisterAsync(name);
        for (var i = 0; i < 40; i++)
        {
            using var wrong = await server.Spec.LoginRawAsync(names[0], "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        await server.Spec.LoginAsync(names[0]);
    }

    [Fact]
    public async Task Grpc_calls_share_the_limits_and_get_resource_exhausted_with_the_error_response()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegisterLimitPerMinute = 1 });
        var accounts = new Accounts.AccountsClient(server.Channel);
        await server.Spec.RegisterAsync(AccountCalls.UniqueName("http"));

        var refusal = await Assert.ThrowsAsync<RpcException>(async () =>
            await accounts.RegisterAsync(new RegisterRequest { Username = AccountCalls.UniqueName("grpc"), Password = Password }));

        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Equal("0", refusal.Trailers.GetValue("conclave-error-code"));
        Assert.Equal("rate limit exceeded: at most 1 registrations per minute from this address", refusal.Status.Detail);
    }

    private static async Task<HttpResponseMessage> RegisterFromAsync(TestServer server, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/register")
        {
            Content = new ByteArrayContent(new RegisterRequest { Username = AccountCalls.UniqueName("fwd"), Password = Password }.ToByteArray()),
        };
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return await server.Http.SendAsync(request);
    }

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response, string message)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(SpecClient.Protobuf, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new ErrorResponse { Message = message }.ToByteArray(), bytes); // only field 1: the code is absent
    }
}
