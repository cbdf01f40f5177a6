using System.Net;
using System.Net.Sockets;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Configuration;

// CLARIFICATIONS §9.1 (project) and decision 10, end to end: the built server started as an operator starts it.
public sealed class ServerProcessTests : IDisposable
{
    private readonly TempFolder _folder = new("process-tests");

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("""{ "message_retention": "5x" }""", "invalid configuration: invalid message_retention '5x': ")]
    [InlineData("""{ "listen_prot": 8080 }""", "invalid configuration: unknown configuration key 'listen_prot'")]
    [InlineData("""{ "listen_port": "8080" }""", "invalid configuration: listen_port must be an integer")]
    [InlineData("""{ "registration_token": "" }""", "invalid configuration: registration_token must not be empty when set")]
    [InlineData("""{ "tls_cert_path": "/nowhere/cert.pem" }""", "invalid configuration: both tls_cert_path and tls_key_path must be set")]
    [InlineData("""{ "auth_header": "X Token" }""", "invalid configuration: auth_header 'X Token' is not a valid HTTP header name")]
    public async Task An_invalid_configuration_exits_with_2_and_one_line_naming_the_field(string json, string line)
    {
        var config = WriteConfig(json);
        await using var server = ServerProcess.Start(_folder.Path, null, "--config", config);

        Assert.Equal(2, await server.ExitCodeAsync());
        var stderr = Assert.Single(Lines(server.Stderr));
        Assert.StartsWith(line, stderr);
    }

    [Fact]
    public async Task An_invalid_environment_override_exits_with_2_naming_the_field()
    {
        var config = WriteConfig("""{ "listen_port": 8080 }""");
        await using var server = ServerProcess.Start(_folder.Path, new Dictionary<string, string> { ["CONCLAVE_LISTEN_PORT"] = "80a" }, "--config", config);

        Assert.Equal(2, await server.ExitCodeAsync());
        Assert.Equal("invalid configuration: listen_port must be an integer", Assert.Single(Lines(server.Stderr)));
    }

    [Fact]
    public async Task A_missing_configuration_file_exits_with_2()
    {
        await using var server = ServerProcess.Start(_folder.Path, null, "-c", Path.Combine(_folder.Path, "missing.json"));

        Assert.Equal(2, await server.ExitCodeAsync());
        Assert.StartsWith("invalid configuration: cannot read configuration file", Assert.Single(Lines(server.Stderr)));
    }

    [Fact]
    public async Task Unrecognised_arguments_exit_with_2()
    {
        await using var server = ServerProcess.Start(_folder.Path, null, "--port", "80");

        Assert.Equal(2, await server.ExitCodeAsync());
        Assert.StartsWith("invalid configuration: unrecognised arguments '--port 80'", Assert.Single(Lines(server.Stderr)));
    }

    [Theory]
    [InlineData("--version", "conclave-server ")]
    [InlineData("--help", "conclave-server: the Conclave MLS delivery service.")]
    [InlineData("-h", "conclave-server: the Conclave MLS delivery service.")]
    public async Task Version_and_help_print_and_exit_with_0(string arg, string firstLine)
    {
        await using var server = ServerProcess.Start(_folder.Path, null, arg);

        Assert.Equal(0, await server.ExitCodeAsync());
        Assert.StartsWith(firstLine, Lines(server.Stdout)[0]);
        Assert.Empty(server.Stderr);
    }

    [Fact]
    public async Task A_valid_configuration_serves_http_on_its_port()
    {
        var (port, grpcPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        var config = WriteConfig($$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{grpcPort}},
             "database_path": {{Json(Path.Combine(_folder.Path, "data", "conclave.db"))}}, "message_retention": "2s", "cleanup_interval": "1s",
             "register_limit_per_minute": 0, "login_failure_limit_per_minute": 0, "event_streams_per_user": 0}
            """);
        await using var server = ServerProcess.Start(_folder.Path, null, "--config", config);

        using var response = await server.WaitForHttpAsync(port, "/api/v1/me");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "conclave.db")));
    }

    [Fact]
    public async Task Without_config_the_working_directory_file_and_the_environment_are_used()
    {
        var (port, grpcPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        WriteConfig($$"""
            {"listen_address": "127.0.0.1", "listen_port": 1, "grpc_port": {{grpcPort}}, "database_path": "here.db",
             "register_limit_per_minute": 0, "login_failure_limit_per_minute": 0, "event_streams_per_user": 0}
            """, "conclave.json");
        var environment = new Dictionary<string, string> { ["CONCLAVE_LISTEN_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using var server = ServerProcess.Start(_folder.Path, environment);

        using var response = await server.WaitForHttpAsync(port, "/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "here.db"))); // relative to the working directory
    }

    // .NET's own settings once reached the server: a stray appsettings.json or a Kestrel__… variable added a listener,
    // ASPNETCORE_ENVIRONMENT could pick Development, and the watch kept on the file covered every folder below the
    // working directory, waking the server at each write to the database kept there.
    [Fact]
    public async Task Only_its_own_configuration_configures_the_server_and_it_watches_no_files()
    {
        var (port, grpcPort, filePort, environmentPort) = (ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort());
        WriteConfig($$"""{ "Kestrel": { "Endpoints": { "Stray": { "Url": "http://127.0.0.1:{{filePort}}" } } } }""", "appsettings.json");
        var environment = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Stray__Url"] = $"http://127.0.0.1:{environmentPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        var config = WriteConfig($$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{grpcPort}}, "database_path": "conclave.db"}
            """);
        await using var server = ServerProcess.Start(_folder.Path, environment, "--config", config);

        using var response = await server.WaitForHttpAsync(port, "/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        foreach (var strayPort in new[] { filePort, environmentPort })
        {
            using var stray = new TcpClient();
            await Assert.ThrowsAsync<SocketException>(() => stray.ConnectAsync(IPAddress.Loopback, strayPort));
        }
        var descriptors = new DirectoryInfo($"/proc/{server.Id}/fd").GetFileSystemInfos().Select(fd => fd.LinkTarget);
        Assert.DoesNotContain("anon_inode:inotify", descriptors);
        server.Terminate();
        Assert.Equal(0, await server.ExitCodeAsync()); // and its output drained
        Assert.Contains("Hosting environment: Production", server.Stdout); // Development would show stack traces
    }

    // ASPNETCORE_FORWARDEDHEADERS_ENABLED (set by some hosting platforms) once made the server take X-Forwarded-For
    // from any client, so each forged address had limits of its own; trusted_proxies alone decides now.
    [Fact]
    public async Task The_dotnet_forwarded_headers_switch_does_not_make_the_server_trust_X_Forwarded_For()
    {
        var (port, grpcPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        var config = WriteConfig($$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{grpcPort}}, "database_path": "conclave.db",
             "register_limit_per_minute": 1}
            """);
        var environment = new Dictionary<string, string> { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true" };
        await using var server = ServerProcess.Start(_folder.Path, environment, "--config", config);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        (await server.WaitForHttpAsync(http, "/api/v1/me")).Dispose();

        var statuses = new List<HttpStatusCode>();
        foreach (var (name, forwardedFor) in new[] { ("first", "203.0.113.1"), ("second", "203.0.113.2") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/register")
            {
                Content = new ByteArrayContent(new RegisterRequest { Username = name, Password = "password123" }.ToByteArray()),
            };
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_busy_port_exits_with_1_and_one_line()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var config = WriteConfig($$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{ServerProcess.FreePort()}},
             "database_path": {{Json(Path.Combine(_folder.Path, "conclave.db"))}},
             "register_limit_per_minute": 0, "login_failure_limit_per_minute": 0, "event_streams_per_user": 0}
            """);
        await using var server = ServerProcess.Start(_folder.Path, null, "--config", config);

        Assert.Equal(1, await server.ExitCodeAsync());
        Assert.StartsWith("cannot start: ", Assert.Single(Lines(server.Stderr)));
    }

    private string WriteConfig(string json, string name = "config.json")
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
