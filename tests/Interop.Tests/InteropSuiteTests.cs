using Xunit.Abstractions;

namespace Conclave.Interop.Tests;

/// <summary>
/// Runs interop/ (ts-mls clients, cipher suite 6, playing the flows of spec/flows/ against the real server; see
/// interop/README.md) as part of `dotnet test`. The Node suite starts this build's server itself, one per flow file,
/// on free loopback ports with a temporary database.
/// </summary>
public sealed class InteropSuiteTests(ITestOutputHelper output)
{
    // Node's reporter prints a line per test; silence this long is a hang (the slowest test took 2 minutes on a
    // machine loaded twentyfold). The suite as a whole may take as long as the machine makes it.
    private static readonly TimeSpan Silence = TimeSpan.FromMinutes(5);

    private static readonly string Suite = Path.Combine(RepositoryPaths.Root, "interop");

    /// <summary>The server build copied next to these tests by the project reference.</summary>
    private static readonly string ServerDll = Path.Combine(AppContext.BaseDirectory, "Conclave.Api.dll");

    [Fact]
    public async Task Real_MLS_clients_play_every_flow_against_the_server()
    {
        Assert.True(File.Exists(ServerDll), $"server build missing: {ServerDll}");
        await NodeModules.EnsureInstalledAsync(Suite);

        var environment = new Dictionary<string, string> { ["INTEROP_SERVER_DLL"] = ServerDll };
        // Start the server with the same dotnet host that runs these tests (it need not be on PATH).
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") environment["INTEROP_DOTNET"] = Environment.ProcessPath!;
        var run = await ChildProcess.RunAsync(
            "node", ["--test", "--test-concurrency=1", "--test-reporter=spec", "test/"],
            Suite, environment, Silence);

        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"the interop suite failed (exit {run.ExitCode}):\n{run.Output}");
    }
}
