using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;

namespace Conclave.Api.IntegrationTests.AbuseLimits;

// Security review (issue 30) finding 3: failed logins never lock the right password out from an address that has not
// been failing; login_failure_limit_per_minute counts per client address only (docs/security.md, Failed logins).
public sealed class LoginLockoutTests
{
    private const string Password = "password123";

    [Fact]
    public async Task Guessing_a_users_password_from_one_address_does_not_lock_them_out_from_another()
    {
        await using var server = await TestServer.StartAsync(c => c with { LoginFailureLimitPerMinute = 20 }); // the default
        var victim = AccountCalls.UniqueName("victim");
        await server.Spec.RegisterAsync(victim);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var guess = await server.Spec.LoginRawAsync(victim, $"guess-{i}");
            statuses.Add(guess.StatusCode);
        }
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        using var victimsHttp = LoopbackSource.Http(server, "127.0.0.2");
        using var fromElsewhere = await new SpecClient(victimsHttp).LoginRawAsync(victim, Password);
        using var victimsGrpc = LoopbackSource.Grpc(server, "127.0.0.3");
        var overGrpc = await new Accounts.AccountsClient(victimsGrpc).LoginAsync(new LoginRequest { Username = victim, Password = Password });
        using var fromTheGuesser = await server.Spec.LoginRawAsync(victim, Password);

        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
        Assert.Equal(victim, overGrpc.Username);
        Assert.Equal(HttpStatusCode.TooManyRequests, fromTheGuesser.StatusCode); // the guessing address stays refused
    }

    [Fact]
    public async Task The_guessing_address_is_refused_on_grpc_too()
    {
        await using var server = await TestServer.StartAsync(c => c with { LoginFailureLimitPerMinute = 2 });
        var victim = AccountCalls.UniqueName("victim");
        await server.Spec.RegisterAsync(victim);
        using var guesser = LoopbackSource.Grpc(server, "127.0.0.4");
        var accounts = new Accounts.AccountsClient(guesser);
        for (var i = 0; i < 2; i++)
        {
            var wrong = await Assert.ThrowsAsync<RpcException>(async () => await accounts.LoginAsync(new LoginRequest { Username = victim, Password = "wrong-password" }));
            Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await accounts.LoginAsync(new LoginRequest { Username = victim, Password = Password }));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        await server.Spec.LoginAsync(victim); // 127.0.0.1 never failed
    }
}
