using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Api.IntegrationTests.Admin;

// admin invitations create|list|revoke through the binary, on the database of a running server whose registration
// is closed; the server's register route (all three surfaces) then admits a live invitation and refuses any other
// token exactly as a wrong registration_token.
public sealed partial class InvitationTests : IDisposable
{
    private readonly TempFolder _folder = new("invitation-tests");

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^created invitation ([0-9a-f-]{36}) \((\d+ uses?), expires \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); its token, shown only now:$")]
    private static partial Regex CreatedLine();

    [Fact]
    public async Task An_invitation_admits_as_many_registrations_as_it_has_uses_and_is_listed_without_its_token()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false, RegistrationToken = "configured-secret" });
        var admin = new AdminBinary(server, _folder);

        var created = await admin.RunAsync("invitations", "create", "--uses", "2", "--note", "book club");
        var (id, token) = Parse(created, "2 uses");
        await RegisterAsync(server, "alice", token, HttpStatusCode.Created);
        await RegisterAsync(server, "bob", token, HttpStatusCode.Created);
        await RegisterAsync(server, "carol", token, HttpStatusCode.Forbidden, "invalid registration token"); // exhausted
        var listed = await admin.RunAsync("invitations", "list");

        Assert.Matches("^[A-Za-z0-9_-]{43,}$", token);
        Assert.Matches(@"^INVITATION ID +STATE +USES LEFT +USED +EXPIRES \(UTC\) +CREATED \(UTC\) +NOTE$", listed.Lines[0]);
        Assert.Equal([id, "exhausted", "0", "2"], Row(listed, id)[..4]);
        Assert.Equal(["book", "club"], Row(listed, id)[^2..]);
        Assert.DoesNotContain(token, listed.Stdout);
        await server.Spec.LoginAsync("bob");
    }

    [Fact]
    public async Task A_revoked_invitation_admits_nobody_and_revoke_refuses_an_unknown_or_malformed_id()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false });
        var admin = new AdminBinary(server, _folder);
        var (id, token) = Parse(await admin.RunAsync("invitations", "create"), "1 use");

        var revoked = await admin.RunAsync("invitations", "revoke", id);
        await RegisterAsync(server, "alice", token, HttpStatusCode.Forbidden, "registration is disabled"); // no token configured
        var unknown = await admin.RunAsync("invitations", "revoke", Guid.NewGuid().ToString());
        var malformed = await admin.RunAsync("invitations", "revoke", "not-an-id");
        var listed = await admin.RunAsync("invitations", "list");

        Assert.Equal((0, $"revoked invitation {id}"), (revoked.ExitCode, revoked.Stdout.Trim()));
        Assert.Equal((1, "error: invitation not found"), (unknown.ExitCode, unknown.Stderr.Trim()));
        Assert.Equal(2, malformed.ExitCode);
        Assert.StartsWith("error: 'not-an-id' is no invitation id", malformed.Stderr);
        Assert.Equal([id, "revoked", "1", "0"], Row(listed, id)[..4]);
    }

    [Fact]
    public async Task An_invitation_admits_until_its_expiry_and_not_from_then_on()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false, RegistrationToken = "configured-secret" },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var admin = new AdminBinary(server, _folder);
        var (_, token) = Parse(await admin.RunAsync("invitations", "create", "--uses", "5", "--expires", "2d"), "5 uses");

        clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        await RegisterAsync(server, "alice", token, HttpStatusCode.Created);
        clock.Advance(TimeSpan.FromMinutes(2));
        await RegisterAsync(server, "bob", token, HttpStatusCode.Forbidden, "invalid registration token");
    }

    [Fact]
    public async Task Create_refuses_malformed_options_with_2_and_invalid_values_with_1()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false });
        var admin = new AdminBinary(server, _folder);
        (int ExitCode, string[] Options)[] cases =
        [
            (2, ["--uses", "two"]), (2, ["--expires", "7 days"]), (2, ["--uses", "1", "--uses", "2"]), (2, ["--colour", "red"]),
            (2, ["--note"]), (1, ["--uses", "0"]), (1, ["--expires", "-1"]),
        ];

        foreach (var (exitCode, options) in cases)
        {
            var run = await admin.RunAsync(["invitations", "create", .. options]);
            Assert.True((exitCode, "") == (run.ExitCode, run.Stdout.Trim()), $"{string.Join(' ', options)}: {run.ExitCode} {run.Stderr}");
            Assert.StartsWith("error: ", run.Stderr);
        }
        Assert.Single((await admin.RunAsync("invitations", "list")).Lines); // the header: nothing was created
    }

    [Fact]
    public async Task Twenty_concurrent_registrations_spend_a_last_use_once()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false, RegistrationToken = "configured-secret" });
        var admin = new AdminBinary(server, _folder);
        var (id, token) = Parse(await admin.RunAsync("invitations", "create"), "1 use");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            server.Spec.RegisterRawAsync(new RegisterRequest { Username = $"racer{i}", Password = "password123", RegistrationToken = token }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await SpecClient.AssertErrorAsync(refused, HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, "invalid registration token");
        var users = await admin.RunAsync("users", "list");
        Assert.Equal(2, users.Lines.Length); // the header and the one account
        Assert.Equal([id, "exhausted", "0", "1"], Row(await admin.RunAsync("invitations", "list"), id)[..4]);
    }

    [Fact]
    public async Task Every_surface_registers_with_a_live_invitation()
    {
        await using var server = await TestServer.StartAsync(c => c with { RegistrationEnabled = false, RegistrationToken = "configured-secret" });
        var admin = new AdminBinary(server, _folder);
        var (id, token) = Parse(await admin.RunAsync("invitations", "create", "--uses", "3"), "3 uses");

        await RegisterAsync(server, "viaprotobuf", token, HttpStatusCode.Created);
        using var json = await server.Http.PostAsJsonAsync("/api/v1/register", new { username = "viajson", password = "password123", registrationToken = token });
        var grpc = await new Accounts.AccountsClient(server.Channel).RegisterAsync(
            new RegisterRequest { Username = "viagrpc", Password = "password123", RegistrationToken = token });

        Assert.Equal(HttpStatusCode.OK, json.StatusCode); // JSON transcoding answers 200 on every success (docs/compatibility.md)
        Assert.Equal(16, grpc.UserId.Length);
        Assert.Equal([id, "exhausted", "0", "3"], Row(await admin.RunAsync("invitations", "list"), id)[..4]);
        foreach (var username in new[] { "viaprotobuf", "viajson", "viagrpc" }) await server.Spec.LoginAsync(username);
    }

    private static (string Id, string Token) Parse(AdminBinaryRun created, string uses)
    {
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Equal(2, created.Lines.Length);
        var line = CreatedLine().Match(created.Lines[0]);
        Assert.True(line.Success, created.Lines[0]);
        Assert.Equal(uses, line.Groups[2].Value);
        return (line.Groups[1].Value, created.Lines[1]);
    }

    private static string[] Row(AdminBinaryRun listed, string id) =>
        listed.Lines.Single(line => line.StartsWith(id, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static async Task RegisterAsync(TestServer server, string username, string token, HttpStatusCode expected, string? refusal = null)
    {
        using var response = await server.Spec.RegisterRawAsync(new RegisterRequest { Username = username, Password = "password123", RegistrationToken = token });
        if (refusal is null) Assert.Equal(expected, response.StatusCode);
        else await SpecClient.AssertErrorAsync(response, expected, ErrorCode.ResourceForbidden, refusal);
    }
}
