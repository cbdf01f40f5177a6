using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Admin;

// The admin commands as an operator types them: the built server, its --config, the password on standard input.
public sealed class AdminProcessTests : IDisposable
{
    private readonly TempFolder _folder = new("admin-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Admin_commands_work_on_the_configured_database_with_their_exit_codes()
    {
        var config = Path.Combine(_folder.Path, "config.json");
        await File.WriteAllTextAsync(config, $$"""{"database_path": {{System.Text.Json.JsonSerializer.Serialize(Path.Combine(_folder.Path, "data", "conclave.db"))}}}""");

        var created = await RunAsync("password123\n", "admin", "users", "create", "carol", "--config", config);
        var listed = await RunAsync(null, "-c", config, "admin", "users", "list");
        var missing = await RunAsync(null, "--config", config, "admin", "users", "delete", "nobody");
        var unknown = await RunAsync(null, "--config", config, "admin", "users", "frob");

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("created user carol (", created.Stdout);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(listed.Stdout.Split('\n'), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, "carol", ..]);
        Assert.Equal((1, "error: user not found"), (missing.ExitCode, missing.Stderr.Trim()));
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("unknown admin command 'users frob'", unknown.Stderr);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? input, params string[] args)
    {
        await using var process = ServerProcess.Start(_folder.Path, null, args);
        if (input is not null) await process.Stdin.WriteAsync(input);
        process.Stdin.Close();
        var exitCode = await process.ExitCodeAsync();
        return (exitCode, process.Stdout, process.Stderr);
    }
}
