using Xunit.Abstractions;

namespace Conclave.Benchmarks.SmokeTests;

// benchmarks/ReferenceImport must not rot: a tiny reference database imported by the real server's command and copied
// by the floor. Only that both run and are timed is checked, not the ratio.
public sealed class ReferenceImportSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_import_and_the_floor_are_both_timed()
    {
        var server = Path.Combine(AppContext.BaseDirectory, "Conclave.Api.dll");
        var run = await BenchmarkProcess.RunAsync("Conclave.Benchmarks.ReferenceImport.dll",
            ["--messages", "2000", "--users", "20", "--groups", "5", "--server", server], TimeSpan.FromMinutes(3));
        output.WriteLine(run.Output);
        output.WriteLine(run.Errors);

        Assert.Equal(0, run.ExitCode);
        var rows = BenchmarkProcess.TableRows(run.Output);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, cells => Assert.True(double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture) > 0, string.Join('|', cells)));
        Assert.Matches(@"(?m)^messages +2000\r?$", run.Errors);
    }
}
