using System.Net;
using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.Operations;

// Security review (issue 30) finding 5: under umask 022 the database and its side files came out 0644, so any local
// user could read the password hashes. The server and the admin commands, started under umask 022 by a shell as an
// operator would, create them 0600, and SQLite's -wal and -shm stay so each time they are made again.
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DatabaseFileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly string[] SideFiles = ["-wal", "-shm", "-journal", "-access"];

    private readonly TempFolder _folder = new("file-modes");

    public void Dispose() => _folder.Dispose();

    private string Database => Path.Combine(_folder.Path, "data", "conclave.db");

    [Fact]
    public async Task The_server_creates_the_database_and_its_side_files_0600_across_restarts_of_the_log()
    {
        var port = ServerProcess.FreePort();
        var config = WriteConfig(port);

        await RunServerAsync(config, port, "first");
        Assert.Equal(["conclave.db", "conclave.db-access"], Files()); // SIGTERM checkpointed the log and removed -wal and -shm
        await RunAdminAsync(config, "users", "list"); // another process recreates the log files, and removes them again
        await RunServerAsync(config, port, "second");

        AssertOwnerOnly();
    }

    [Fact]
    public async Task An_admin_command_that_creates_the_database_creates_it_0600()
    {
        await RunAdminAsync(WriteConfig(ServerProcess.FreePort()), "users", "create", "carol");

        Assert.Contains("conclave.db", Files());
        AssertOwnerOnly();
    }

    // Registers a user while the server runs, so its -wal and -shm exist, and checks them before it stops.
    private async Task RunServerAsync(string config, int port, string name)
    {
        await using var server = UnderUmask022("--config", config);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Equal(HttpStatusCode.OK, (await server.WaitForHttpAsync(http, "/healthz")).StatusCode);
        using var body = new ByteArrayContent(new RegisterRequest { Username = name, Password = "password123" }.ToByteArray());
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync("/api/v1/register", body)).StatusCode);
        Assert.Contains("conclave.db-wal", Files());
        Assert.Contains("conclave.db-shm", Files());
        AssertOwnerOnly();
        server.Terminate();
        Assert.Equal(0, await server.ExitCodeAsync());
    }

    private async Task RunAdminAsync(string config, params string[] command)
    {
        await using var admin = UnderUmask022(["--config", config, "admin", .. command]);
        admin.Stdin.WriteLine("password123");
        admin.Stdin.Close();
        Assert.True(await admin.ExitCodeAsync() == 0, admin.Stderr);
    }

    private ServerProcess UnderUmask022(params string[] args) => ServerProcess.StartProgram("/bin/sh",
        ["-c", "umask 022 && exec \"$0\" \"$@\"", ServerProcess.DotnetHost, ServerProcess.DllPath, .. args], _folder.Path, null);

    private void AssertOwnerOnly()
    {
        foreach (var file in new[] { "" }.Concat(SideFiles).Select(suffix => Database + suffix).Where(File.Exists))
            Assert.True(File.GetUnixFileMode(file) == OwnerOnly, $"{file} is {Convert.ToString((int)File.GetUnixFileMode(file), 8)}");
    }

    private string[] Files() => [.. Directory.GetFiles(Path.GetDirectoryName(Database)!).Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal)];

    private string WriteConfig(int port)
    {
        var path = Path.Combine(_folder.Path, "conclave.json");
        File.WriteAllText(path, $$"""
            { "listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{ServerProcess.FreePort()}},
              "database_path": {{JsonSerializer.Serialize(Database)}}, "register_limit_per_minute": 0 }
            """);
        return path;
    }
}
