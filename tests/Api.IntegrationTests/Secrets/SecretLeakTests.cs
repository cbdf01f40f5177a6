using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conclave.Api.IntegrationTests.HostileInput;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Conclave.Api.IntegrationTests.Secrets;

// A full flow over all three surfaces with every log category at Trace: no password, token, registration token
// or blob content may appear in any log line, and no error body may carry a stack trace, SQL or a path.
public sealed class SecretLeakTests
{
    private const string RegistrationToken = "regtoken-SECRET-7f3a9c";
    private const string Password = "correct-horse-SECRET-1";
    private const string NewPassword = "battery-staple-SECRET-2";
    private const string WrongPassword = "wrong-guess-SECRET-3";

    private readonly LogCapture _logs = new();
    private readonly List<string> _secrets = [RegistrationToken, Password, NewPassword, WrongPassword];
    private readonly List<HttpResponseMessage> _errors = [];

    [Fact]
    public async Task A_full_flow_logged_at_trace_reveals_no_secret()
    {
        await using var server = await TestServer.StartAsync(
            c => c with { RegistrationEnabled = false, RegistrationToken = RegistrationToken }, _logs.EverythingInto);
        var spec = server.Spec;

        var alice = await RegisterAndLoginAsync(spec, "alice");
        var bob = await RegisterAndLoginAsync(spec, "bob");
        await Expect(spec.RegisterRawAsync(new RegisterRequest { Username = "mallory", Password = Password, RegistrationToken = "not-the-token-SECRET" }), HttpStatusCode.Forbidden);
        _secrets.Add("not-the-token-SECRET");
        await Expect(spec.LoginRawAsync(alice.Username, WrongPassword), HttpStatusCode.Unauthorized);

        await spec.PostAsync("/api/v1/key-packages", new UploadKeyPackageRequest { Entries = { new KeyPackageEntry { Data = Blob("kp", 0, 1, 0, 5) } } }, bob.Token).OkAsync();
        var group = await spec.CreateGroupAsync(alice);
        await spec.PostAsync(group.Path("/invite"), new InviteToGroupRequest { UserIds = { bob.Id } }, alice.Token).OkAsync();
        await spec.PostAsync(group.Path("/commit"), new UploadCommitRequest { CommitMessage = Blob("commit"), GroupInfo = Blob("groupinfo") }, alice.Token).OkAsync();
        await spec.PostAsync(group.Path("/escrow-invite"), new EscrowInviteRequest
        {
            InviteeId = bob.Id, CommitMessage = Blob("escrowcommit"), WelcomeMessage = Blob("welcome"), GroupInfo = Blob("escrowinfo"),
        }, alice.Token).OkAsync();
        var invite = await spec.InviteForAsync(group, bob);
        await spec.PostAsync(InviteSteps.InvitePath(invite, "accept"), token: bob.Token).OkAsync();
        await spec.WelcomesAsync(bob);
        await spec.PostAsync(group.Path("/messages"), new SendMessageRequest { MlsMessage = Blob("message") }, alice.Token).OkAsync();
        await spec.FetchAsync(group, bob);
        await Expect(spec.PostAsync(group.Path("/remove"), new RemoveMemberRequest { UserId = Blob("badid") }, alice.Token), HttpStatusCode.BadRequest);
        await Expect(spec.GetAsync("/api/v1/me", "SECRET-not-a-real-token-" + new string('f', 40)), HttpStatusCode.Unauthorized);
        _secrets.Add("SECRET-not-a-real-token-");

        await JsonLoginAsync(server, bob.Username);
        await GrpcCallsAsync(server, alice);

        await spec.ChangePasswordAsync(alice.Token, Password, NewPassword).OkAsync();
        var again = await spec.LoginAsync(alice.Username, NewPassword);
        _secrets.Add(again.Token);
        await spec.DeleteAccountAsync(again.Token, NewPassword).OkAsync();
        await spec.LogoutAsync(bob.Token);

        Assert.Contains(_logs.Entries, entry => entry.Level == LogLevel.Trace); // the most verbose level really was on
        var leaks = (from entry in _logs.Entries
                     from secret in _secrets.SelectMany(Renderings)
                     where entry.FullText.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{entry.Level} {entry.Category}: …{secret}… in \"{Excerpt(entry.FullText, secret)}\"").Distinct().ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(20)));
        foreach (var response in _errors)
        {
            var error = ErrorResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
            Assert.False(ResponseRules.LeaksInternals(error.Message), error.Message);
        }
    }

    private async Task<TestUser> RegisterAndLoginAsync(SpecClient spec, string prefix)
    {
        var username = AccountCalls.UniqueName(prefix);
        var registered = await SpecClient.ReadAsync<RegisterResponse>(await spec.RegisterRawAsync(
            new RegisterRequest { Username = username, Password = Password, RegistrationToken = RegistrationToken }), HttpStatusCode.Created);
        var login = await spec.LoginAsync(username, Password);
        _secrets.Add(login.Token);
        return new TestUser(registered.UserId, username, login.Token);
    }

    private async Task JsonLoginAsync(TestServer server, string username)
    {
        using var response = await server.Http.PostAsJsonAsync("/api/v1/login", new { username, password = Password });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        _secrets.Add(token);
        using var wrong = await server.Http.PostAsJsonAsync("/api/v1/login", new { username, password = WrongPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    private async Task GrpcCallsAsync(TestServer server, TestUser alice)
    {
        var accounts = new Accounts.AccountsClient(server.Channel);
        var login = await accounts.LoginAsync(new LoginRequest { Username = alice.Username, Password = Password });
        _secrets.Add(login.Token);
        var headers = new Metadata { { "authorization", $"Bearer {login.Token}" } };
        var groups = new Conclave.Server.V1.Groups.GroupsClient(server.Channel);
        var created = await groups.CreateGroupAsync(new CreateGroupRequest { GroupName = GroupSteps.UniqueName("grpc") }, headers);
        var messages = new Conclave.Server.V1.Messages.MessagesClient(server.Channel);
        await messages.SendMessageAsync(new SendMessageCall { GroupId = new Guid(created.GroupId.Span, bigEndian: true).ToString(), Body = new SendMessageRequest { MlsMessage = Blob("grpcmessage") } }, headers);
        await Assert.ThrowsAsync<RpcException>(async () => await accounts.LoginAsync(new LoginRequest { Username = alice.Username, Password = WrongPassword }));
    }

    // Blob contents are distinctive text, so any rendering of them in a log (raw, hex, base64) is found.
    private ByteString Blob(string name, params byte[] prefix)
    {
        var marker = $"BLOB-SECRET-{name}-{Guid.NewGuid():N}";
        _secrets.Add(marker);
        return ByteString.CopyFrom([.. prefix, .. Encoding.UTF8.GetBytes(marker)]);
    }

    private static IEnumerable<string> Renderings(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        yield return secret;
        yield return Convert.ToHexString(bytes);
        if (bytes.Length >= 12) yield return Convert.ToBase64String(bytes)[..16]; // a prefix: offsets shift base64
    }

    private async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        var response = await call;
        Assert.Equal(status, response.StatusCode);
        _errors.Add(response);
    }

    private static string Excerpt(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
        return text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), secret.Length + 120));
    }
}
