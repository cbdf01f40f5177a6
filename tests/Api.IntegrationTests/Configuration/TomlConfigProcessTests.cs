using System.Globalization;
using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;

namespace Conclave.Api.IntegrationTests.Configuration;

// Issue #27: the reference's systemd unit starts the server with no --config in /var/lib/conclave, beside its
// conclave.toml. Started the same way, this server serves with that file's settings.
public sealed class TomlConfigProcessTests : IDisposable
{
    private readonly TempFolder _folder = new("toml-process-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_config_the_reference_servers_conclave_toml_in_the_working_directory_configures_the_server()
    {
        var (port, grpcPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        var config = Path.Combine(_folder.Path, "conclave.toml");
        await File.WriteAllTextAsync(config, $"""
            # as the reference server's operator wrote it
            listen_address = "127.0.0.1"
            listen_port = {port.ToString(CultureInfo.InvariantCulture)}
            database_path = "data/reference-settings.db"
            registration_enabled = false
            registration_token = "Invite-Code_42"
            message_retention = "30d"

            # ours, in the same file
            grpc_port = {grpcPort.ToString(CultureInfo.InvariantCulture)}
            """);
        await using var server = ServerProcess.Start(_folder.Path, null);

        using var answered = await server.WaitForHttpAsync(port, "/api/v1/me");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var spec = new SpecClient(http);
        using var withoutToken = await spec.PostAsync("/api/v1/register", new RegisterRequest { Username = "alice", Password = "password123" });
        using var withToken = await spec.PostAsync("/api/v1/register", new RegisterRequest { Username = "alice", Password = "password123", RegistrationToken = "Invite-Code_42" });

        await SpecClient.AssertErrorAsync(withoutToken, HttpStatusCode.Forbidden, ErrorCode.ResourceForbidden, "invalid registration token");
        Assert.Equal(HttpStatusCode.Created, withToken.StatusCode);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "reference-settings.db")));
        await Eventually.HoldsAsync(() => Task.FromResult(server.Stdout.Contains($"Configuration read from {config}", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the start-up log names the file");
    }

    [Fact]
    public async Task An_explicit_toml_file_with_an_unknown_key_exits_with_2_and_one_line()
    {
        var config = Path.Combine(_folder.Path, "server.toml");
        await File.WriteAllTextAsync(config, "listen_port = 8080\nlisten_prot = 1\n");
        await using var server = ServerProcess.Start(_folder.Path, null, "--config", config);

        Assert.Equal(2, await server.ExitCodeAsync());
        Assert.Equal("invalid configuration: unknown configuration key 'listen_prot'", server.Stderr.Trim());
    }
}
