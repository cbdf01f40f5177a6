using System.Diagnostics;
using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Server.V1;
using Conclave.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Conclave.Api.IntegrationTests.Deployment;

// A fresh checkout publishes the single-file server (the linux-x64 profile), which then does everything an operator
// needs: TLS with HTTP/2 on the default port 8443, gRPC on the same port, health, metrics, the integrator surfaces
// (OpenAPI, gRPC reflection), admin commands, SIGTERM.
// One test, one publish (a minute or two of both cores), so it runs alone.
[Collection(SerialCollection.Name)]
public sealed class SingleFileTests : IDisposable
{
    private readonly TempFolder _folder = new("single-file-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_published_single_file_serves_tls_http2_grpc_health_metrics_admin_and_plugins_and_stops_on_sigterm()
    {
        var binary = await PublishAsync();
        Assert.Equal(["conclave-server"], Directory.GetFiles(Path.GetDirectoryName(binary)!).Select(Path.GetFileName));

        var (certPath, keyPath) = await SelfSignedCertificate.WritePemAsync(_folder.Path);
        var database = Path.Combine(_folder.Path, "conclave.db");
        var config = Path.Combine(_folder.Path, "conclave.json");
        await File.WriteAllTextAsync(config, $$"""
            {"listen_address": "127.0.0.1", "database_path": {{Json(database)}}, "tls_cert_path": {{Json(certPath)}},
             "tls_key_path": {{Json(keyPath)}}, "metrics_enabled": true, "openapi_enabled": true, "grpc_reflection_enabled": true}
            """);

        // The samples, installed where plugins are looked for by default: beside the database.
        var plugins = new PluginFolder(Path.Combine(_folder.Path, "plugins"));
        var audit = Path.Combine(plugins.Install("AuditLogPlugin"), "audit.jsonl");
        plugins.Install("GroupSizeLimitPlugin", """{ "max_members": 1 }""");

        var version = await RunAsync(binary, null, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith("conclave-server ", version.Stdout);
        var created = await RunAsync(binary, "password123\n", "--config", config, "admin", "users", "create", "operator");
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Contains("\"event\":\"UserRegistered\"", await File.ReadAllTextAsync(audit)); // the admin command drained its plugin queue

        await using var server = ServerProcess.StartProgram(binary, ["--config", config], _folder.Path, null);
        using var http = new HttpClient(SelfSignedCertificate.TrustingHandler())
        {
            BaseAddress = new Uri("https://127.0.0.1:8443"), // TLS without listen_port: the default port (spec transport.md)
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        using (var alive = await server.WaitForHttpAsync(http, "/healthz"))
        {
            Assert.Equal((HttpStatusCode.OK, HttpVersion.Version20), (alive.StatusCode, alive.Version)); // h2 chosen by ALPN
        }
        using (var ready = await http.GetAsync("/readyz")) Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var spec = new SpecClient(http);
        var login = await spec.LoginAsync("operator");
        using (var me = await spec.GetAsync("/api/v1/me", login.Token))
        {
            Assert.Equal(HttpVersion.Version20, me.Version);
            Assert.Equal("operator", (await SpecClient.ReadAsync<UserInfoResponse>(me)).Username);
        }
        using var channel = GrpcChannel.ForAddress(http.BaseAddress, new GrpcChannelOptions { HttpHandler = SelfSignedCertificate.TrustingHandler() });
        var grpcMe = await new Accounts.AccountsClient(channel).GetMeAsync(new Google.Protobuf.WellKnownTypes.Empty(),
            new Metadata { { "authorization", $"Bearer {login.Token}" } });
        Assert.Equal("operator", grpcMe.Username);
        var invitee = await spec.RegisterAsync("invitee");
        using (var group = await spec.PostAsync("/api/v1/groups", new CreateGroupRequest { GroupName = "single_file" }, login.Token))
        {
            var groupId = new Guid((await SpecClient.ReadAsync<CreateGroupResponse>(group, HttpStatusCode.Created)).GroupId.Span, bigEndian: true);
            var escrow = InviteSteps.Escrow(new TestUser(invitee, "invitee", ""));
            await SpecClient.AssertErrorAsync(await spec.PostAsync($"/api/v1/groups/{groupId}/escrow-invite", escrow, login.Token),
                HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, "group is full: at most 1 members, pending invites included");
        }
        using (var openApi = await http.GetAsync("/openapi/v1.json")) Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        using (var reflection = new Discovery.ReflectionClient(channel.CreateCallInvoker()))
            Assert.Contains("conclave.server.v1.Accounts", await reflection.ListServicesAsync());
        var metrics = await http.GetStringAsync("/metrics");
        Assert.Equal(1, PrometheusText.Value(metrics, "conclave_http_requests_total", ("route", "/api/v1/me"), ("status", "200")));
        Assert.Equal(1, PrometheusText.Value(metrics, "conclave_http_requests_total", ("route", "/conclave.server.v1.Accounts/GetMe"), ("grpc_status", "0")));

        server.Terminate();
        Assert.Equal(0, await server.ExitCodeAsync(TimeSpan.FromSeconds(30)));
        Assert.True(!File.Exists(database + "-wal") || new FileInfo(database + "-wal").Length == 0, "the write-ahead log was checkpointed");
        Assert.Contains("Plugin AuditLogPlugin 1.0.0", server.Stdout);
        Assert.Contains("Plugin GroupSizeLimitPlugin 1.0.0", server.Stdout);
        Assert.Contains("\"event\":\"GroupCreated\"", await File.ReadAllTextAsync(audit));
    }

    // dotnet publish src/Api -p:PublishProfile=linux-x64, as the README says, into folders of this test's own (a
    // checkout's obj/ and bin/ stay as they are).
    private async Task<string> PublishAsync()
    {
        var output = Path.Combine(_folder.Path, "publish");
        var start = new ProcessStartInfo(ServerProcess.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList =
            {
                "publish", Path.Combine(RepositoryPaths.Root, "src", "Api"), "-p:PublishProfile=linux-x64", $"-p:PublishDir={output}/",
                "--artifacts-path", Path.Combine(_folder.Path, "artifacts"),
                "--disable-build-servers", // no compiler server outliving the test with its output pipes
            },
        };
        // The test host runs under `dotnet test`, whose MSBuild variables would steer this nested build.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(variable);
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
        return Path.Combine(output, "conclave-server");
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string binary, string? input, params string[] args)
    {
        await using var process = ServerProcess.StartProgram(binary, args, _folder.Path, null);
        if (input is not null) await process.Stdin.WriteAsync(input);
        process.Stdin.Close();
        var exitCode = await process.ExitCodeAsync();
        return (exitCode, process.Stdout, process.Stderr);
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
