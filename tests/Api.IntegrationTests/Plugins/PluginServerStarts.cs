using Conclave.Api.IntegrationTests.Support;

namespace Conclave.Api.IntegrationTests.Plugins;

/// <summary>The server, or an admin command, started on a configuration whose <c>plugins_path</c> is <paramref name="plugins"/>.</summary>
internal sealed class PluginServerStarts(PluginFolder plugins, TempFolder folder)
{
    public ServerProcess Start(params string[] arguments) =>
        ServerProcess.Start(folder.Path, null, ["--config", WriteConfig(), .. arguments]);

    /// <returns>The one line a server that cannot start prints (exit 1, nothing on standard output).</returns>
    public async Task<string> FailedStartAsync()
    {
        await using var server = Start();
        Assert.Equal(1, await server.ExitCodeAsync());
        Assert.Empty(server.Stdout.Trim());
        return Assert.Single(Lines(server.Stderr));
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string WriteConfig()
    {
        var path = Path.Combine(folder.Path, "conclave.json");
        File.WriteAllText(path, $$"""
            { "listen_address": "127.0.0.1", "listen_port": {{ServerProcess.FreePort()}}, "grpc_port": {{ServerProcess.FreePort()}},
              "database_path": "{{Path.Combine(folder.Path, "conclave.db")}}", "plugins_path": "{{plugins.Path}}" }
            """);
        return path;
    }
}
