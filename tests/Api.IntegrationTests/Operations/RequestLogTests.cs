using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conclave.Api.IntegrationTests.Operations;

// One structured line per request at info: method, route template, status, duration, user id once known. Never a
// path (usernames), a token, a password or a body; nothing at the default level (warning, as the reference).
public sealed class RequestLogTests
{
    private const string RequestLogCategory = "Conclave.Api.Observability.RequestLog";
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData("info")]
    [InlineData("debug")] // the use cases add their lines; the framework's, which name paths, stay off
    public async Task At_info_each_request_gets_one_line_with_its_route_template_status_and_user(string level)
    {
        var logs = new LogCapture();
        await using var server = await TestServer.StartAsync(c => c with { LogLevel = level }, logs.Into);
        var alice = await RegisterAndLoginAsync(server, "alice_logged");

        await server.Spec.GetAsync("/api/v1/users/alice_logged", alice.Token);
        await server.Http.GetAsync("/no/such/route");
        await new Accounts.AccountsClient(server.Channel).GetMeAsync(new Google.Protobuf.WellKnownTypes.Empty(), Bearer(alice.Token));

        var lines = logs.Entries.Where(e => e.Category == RequestLogCategory).ToList();
        Assert.All(lines, line => Assert.Equal(LogLevel.Information, line.Level));
        Assert.Contains(lines, l => l.Message.StartsWith("POST /api/v1/register answered 201 in ", StringComparison.Ordinal) && l.Message.EndsWith(" for user -", StringComparison.Ordinal));
        var lookup = Assert.Single(lines, l => Equals(l.Fields["Route"], "/api/v1/users/{username}"));
        Assert.Equal(("GET", 200, alice.Guid.ToString()), (lookup.Fields["Method"], lookup.Fields["Status"], lookup.Fields["UserId"]));
        Assert.IsType<double>(lookup.Fields["ElapsedMs"]);
        Assert.Contains(lines, l => l.Message.StartsWith("GET unmatched answered 404 ", StringComparison.Ordinal));
        var grpc = Assert.Single(lines, l => Equals(l.Fields["Route"], "/conclave.server.v1.Accounts/GetMe"));
        Assert.Equal(("0", alice.Guid.ToString()), (grpc.Fields["GrpcStatus"], grpc.Fields["UserId"]));
        Assert.All(logs.Entries, entry =>
        {
            Assert.DoesNotContain("alice_logged", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(alice.Token, entry.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_failed_grpc_call_is_logged_with_its_grpc_status()
    {
        var logs = new LogCapture();
        await using var server = await TestServer.StartAsync(c => c with { LogLevel = "info" }, logs.Into);

        await Assert.ThrowsAsync<RpcException>(async () =>
            await new Accounts.AccountsClient(server.Channel).GetMeAsync(new Google.Protobuf.WellKnownTypes.Empty()));

        var line = Assert.Single(logs.Entries, e => e.Category == RequestLogCategory && Equals(e.Fields["Route"], "/conclave.server.v1.Accounts/GetMe"));
        Assert.Equal(((int)StatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture), line.Fields["GrpcStatus"]);
    }

    [Fact]
    public async Task At_the_default_level_requests_are_not_logged()
    {
        var logs = new LogCapture();
        await using var server = await TestServer.StartAsync(customize: logs.Into);

        await RegisterAndLoginAsync(server, "bob_quiet");

        Assert.DoesNotContain(logs.Entries, e => e.Category == RequestLogCategory);
        // The start-up lines (where it listens, which configuration file it read) are let through at any level.
        Assert.DoesNotContain(logs.Entries, e => e.Level < LogLevel.Warning
            && !e.Category.StartsWith("Microsoft.Hosting.Lifetime", StringComparison.Ordinal) && e.Category != "Conclave.Api.Configuration");
    }


    private static async Task<TestUser> RegisterAndLoginAsync(TestServer server, string username)
    {
        var id = await server.Spec.RegisterAsync(username, Password);
        var login = await server.Spec.LoginAsync(username, Password);
        return new TestUser(id, username, login.Token);
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };
}
