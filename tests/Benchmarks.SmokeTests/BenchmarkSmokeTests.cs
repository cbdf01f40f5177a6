using System.Diagnostics;
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
        "| fetch 100 messages (after) |", "| authenticated read (GET /me) |", "| group-scoped read (GET retention) |",
        "| list groups (", "| login |", "| register |",
        "| send 1 group during login flood |", "| login flood (during the sends) |",
        "server RSS idle", "hashes/s", "events: fan-out to",
    ];

    [Fact]
    public async Task Every_scenario_runs_against_the_real_server_and_the_floor_without_errors()
    {
        var folder = AppContext.BaseDirectory;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(folder, "Conclave.Benchmarks.Load.dll"), "--smoke", "--server-cpus", "none",
                     "--server", Path.Combine(folder, "Conclave.Api.dll"),
                     "--floor", Path.Combine(folder, "Conclave.Benchmarks.Floor.dll"),
                     "--events", Path.Combine(folder, "Conclave.Benchmarks.EventStreams.dll"),
                 })
            start.ArgumentList.Add(argument);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("CONCLAVE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var printed = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        var text = await printed;
        output.WriteLine(text);
        output.WriteLine(await errors);

        Assert.Equal(0, process.ExitCode);
        foreach (var scenario in Scenarios) Assert.Contains(scenario, text, StringComparison.Ordinal);
        var rows = text.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| scenario", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            Assert.True(cells[6] == "0" && cells[9] == "0", $"errors in: {row}");
            // The sends at the largest concurrency are measured in rounds (two in the smoke form), the others once.
            var rounds = row.StartsWith("| send 1 KiB", StringComparison.Ordinal) && cells[2] == "4" ? 2 : 1;
            Assert.True(cells[15].Split(", ").Length == rounds, $"expected {rounds} round(s) in: {row}");
            Assert.Matches(@"^\d+, \d+$", cells[16]); // the load generator's CPU share beside the server's row and the floor's
        }
    }
}
