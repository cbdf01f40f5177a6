using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>
/// One life of the built server as a child process (<c>dotnet Conclave.Api.dll --config …</c>) on a database file
/// that outlives it, on fresh ports, with the configuration an operator would write: nothing about SQLite is overridden.
/// </summary>
public sealed class ServerLife(ServerProcess process, HttpClient http) : IAsyncDisposable
{
    public ServerProcess Process => process;
    public SpecClient Spec { get; } = new(http);

    /// <param name="environment">Added to the server's environment (the power-loss test's LD_PRELOAD library).</param>
    public static async Task<ServerLife> StartAsync(string folder, string databasePath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (port, grpcPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        var config = Path.Combine(folder, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{grpcPort}},
             "database_path": {{System.Text.Json.JsonSerializer.Serialize(databasePath)}},
             "register_limit_per_minute": 0, "login_failure_limit_per_minute": 0, "event_streams_per_user": 0}
            """);
        var server = ServerProcess.Start(folder, environment, "--config", config);
        (await server.WaitForHttpAsync(port, "/api/v1/me")).Dispose();
        return new ServerLife(server, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) });
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await process.DisposeAsync();
    }
}
