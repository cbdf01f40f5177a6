using Xunit.Abstractions;

namespace Conclave.Benchmarks.SmokeTests;

// The benchmark (benchmarks/run.sh) must not rot: its smoke form runs every scenario against the real server and the
// floor app for about a second each, with tiny counts. Only that it runs is checked: every row printed, no errors,
// the target rows measured in rounds, the load generator's CPU reported.
// No figure is compared with anything (the machine is shared).
public sealed class BenchmarkSmokeTests(ITestOutputHelper output)
{
    private static readonly string[] Scenarios =
    [
        "| send 1 KiB, 1 group | 1 |", "| send 1 KiB, 10 groups | 1 |", "| send 1 KiB, 1 group | 4 |", "| send 1 KiB, 10 groups | 4 |",
        "| send 1 KiB, 1 group, 3 senders | 4 |",
        "| floor: insert by (group, sequence), 10 groups | 1 |", "| floor: insert by (group, sequence), 10 groups | 4 |",
        "| fetch 100 messages (after) |", "| authenticated read (GET /me) |", "| group-scoped read (GET retention) |",
        "| list groups (", "| login |", "| register |",
        "| send 1 group during login flood |", "| login flood (during the sends) |",
        "server RSS idle", "hashes/s", "events: fan-out to",
    ];

    [Fact]
    public async Task Every_scenario_runs_against_the_real_server_and_the_floor_without_errors()
    {
        var folder = AppContext.BaseDirectory;
        var run = await BenchmarkProcess.RunAsync("Conclave.Benchmarks.Load.dll",
        [
            "--smoke", "--server-cpus", "none",
            "--server", Path.Combine(folder, "Conclave.Api.dll"),
            "--floor", Path.Combine(folder, "Conclave.Benchmarks.Floor.dll"),
            "--events", Path.Combine(folder, "Conclave.Benchmarks.EventStreams.dll"),
        ], TimeSpan.FromMinutes(5));
        output.WriteLine(run.Output);
        output.WriteLine(run.Errors);

        Assert.Equal(0, run.ExitCode);
        foreach (var scenario in Scenarios) Assert.Contains(scenario, run.Output, StringComparison.Ordinal);
        var rows = BenchmarkProcess.TableRows(run.Output);
        Assert.Equal(15, rows.Count);
        // The sends over many groups are compared with the floor that inserts by (group, sequence) over as many groups.
        Assert.All(rows.Where(cells => cells[1] == "send 1 KiB, 10 groups"), cells => Assert.Equal("insert by (group, sequence), 10 groups", cells[7]));
        foreach (var cells in rows)
        {
            var row = string.Join('|', cells);
            Assert.True(cells[6] == "0" && cells[9] == "0", $"errors in: {row}");
            // The sends and their floors at the largest concurrency are measured in rounds (two in the smoke form), the others once.
            var inRounds = cells[1].StartsWith("send 1 KiB", StringComparison.Ordinal) || cells[1].StartsWith("floor: ", StringComparison.Ordinal);
            var rounds = inRounds && cells[2] == "4" ? 2 : 1;
            Assert.True(cells[15].Split(", ").Length == rounds, $"expected {rounds} round(s) in: {row}");
            Assert.Matches(@"^\d+, \d+$", cells[16]); // the load generator's CPU share beside the server's row and the floor's
        }
    }
}
