using Xunit.Abstractions;

namespace Conclave.Benchmarks.SmokeTests;

// benchmarks/MessageWriter must not rot either: one short round of each case, through the real use case and writer on
// a real SQLite file. Only that it runs and measures is checked, not what it measures.
public sealed class MessageWriterSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_case_is_measured_with_both_tables()
    {
        var run = await BenchmarkProcess.RunAsync("Conclave.Benchmarks.MessageWriter.dll", ["1", "1", "4", "0.5"], TimeSpan.FromMinutes(5));
        output.WriteLine(run.Output);
        output.WriteLine(run.Errors);

        Assert.Equal(0, run.ExitCode);
        var rows = BenchmarkProcess.TableRows(run.Output);
        Assert.Equal(["as shipped|1", "as shipped|100", "without its key|1", "without its key|100"], rows.Select(cells => $"{cells[1]}|{cells[2]}"));
        foreach (var cells in rows)
        {
            Assert.True(double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture) > 0, $"no sends in: {string.Join('|', cells)}");
            Assert.True(double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture) > 0, $"no CPU in: {string.Join('|', cells)}");
        }
    }
}
