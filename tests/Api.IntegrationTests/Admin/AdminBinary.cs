using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Admin;

/// <summary>
/// <c>conclave-server --config PATH admin ...</c> as an operator types it, the built server as a child process, on
/// the database of a running <see cref="TestServer"/>.
/// </summary>
public sealed class AdminBinary(TestServer server, TempFolder folder)
{
    public async Task<AdminBinaryRun> RunAsync(params string[] words)
    {
        var config = Path.Combine(folder.Path, "admin-config.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, string> { ["database_path"] = server.DatabasePath }));
        await using var process = ServerProcess.Start(folder.Path, null, ["--config", config, "admin", .. words]);
        process.Stdin.Close();
        var exitCode = await process.ExitCodeAsync();
        return new AdminBinaryRun(exitCode, process.Stdout, process.Stderr);
    }
}

public sealed record AdminBinaryRun(int ExitCode, string Stdout, string Stderr)
{
    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
