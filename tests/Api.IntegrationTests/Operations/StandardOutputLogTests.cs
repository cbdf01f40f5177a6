using System.Text.Json;
using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Operations;

// The log as an operator reads it: the server's standard output, written in batches, holds every line by the time the
// process has exited, the last of its shutdown included (trace, where the host writes one as it returns).
public sealed class StandardOutputLogTests : IDisposable
{
    private readonly TempFolder _folder = new("stdout-log-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task In_json_every_request_and_the_last_line_of_the_shutdown_reach_standard_output_by_exit()
    {
        var port = ServerProcess.FreePort();
        var config = Path.Combine(_folder.Path, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{ServerProcess.FreePort()}},
             "database_path": {{JsonSerializer.Serialize(Path.Combine(_folder.Path, "conclave.db"))}}, "log_level": "trace", "log_format": "json"}
            """);
        await using var server = ServerProcess.Start(_folder.Path, null, "--config", config);
        (await server.WaitForHttpAsync(port, "/healthz")).Dispose();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var i = 0; i < 50; i++) (await http.GetAsync("/readyz")).Dispose();

        server.Terminate();
        Assert.Equal(0, await server.ExitCodeAsync(TimeSpan.FromSeconds(30)));

        var lines = server.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(50, lines.Count(line => line.GetProperty("Message").GetString()!.StartsWith("GET /readyz answered 200 ", StringComparison.Ordinal)));
        // The host's last line, written just before the process exits: within the writer's gathering time.
        Assert.Equal("Hosting stopped", lines[^1].GetProperty("Message").GetString());
    }
}
