using Conclave.Interop.Tests.Support;
using Conclave.Tests.Shared;
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

    [Fact]
    public async Task Real_MLS_clients_play_every_flow_against_the_server()
    {
        Assert.True(File.Exists(RepositoryPaths.ServerDll), $"server build missing: {RepositoryPaths.ServerDll}");
        await NodeModules.EnsureInstalledAsync(RepositoryPaths.Interop);

        var environment = new Dictionary<string, string> { ["INTEROP_SERVER_DLL"] = RepositoryPaths.ServerDll };
        // Start the server with the same dotnet host that runs these tests (it need not be on PATH).
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") environment["INTEROP_DOTNET"] = Environment.ProcessPath!;
        var run = await ChildProcess.RunAsync(
            "node", ["--test", "--test-concurrency=1", "--test-reporter=spec", "test/"],
            RepositoryPaths.Interop, environment, Silence);

        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, $"the interop suite failed (exit {run.ExitCode}):\n{run.Output}");
    }
}
