using Xunit.Abstractions;

namespace Conclave.Benchmarks.SmokeTests;

// benchmarks/FetchMemory must not rot: a few small messages, every surface against the real server. Only that each
// surface fetched everything and was measured is checked, not the figures.
public sealed class FetchMemorySmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_surface_fetches_every_message_and_is_measured()
    {
        var run = await BenchmarkProcess.RunAsync("Conclave.Benchmarks.FetchMemory.dll",
        [
            "--server", Path.Combine(AppContext.BaseDirectory, "Conclave.Api.dll"),
            "--messages", "12", "--size", "700000", "--concurrency", "2",
        ], TimeSpan.FromMinutes(3));
        output.WriteLine(run.Output);
        output.WriteLine(run.Errors);

        Assert.Equal(0, run.ExitCode);
        var rows = BenchmarkProcess.TableRows(run.Output);
        Assert.Equal(["protobuf", "grpc", "json"], rows.Select(cells => cells[1]));
        // 12 messages of 700,000 bytes: one page on the spec surface, pages of four (2.8 MB) on gRPC and JSON.
        Assert.Equal(["1", "3", "3"], rows.Select(cells => cells[3]));
        Assert.All(rows, cells => Assert.Matches(@"^-?\d+$", cells[7]));
    }
}
