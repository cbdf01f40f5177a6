using System.Diagnostics;

namespace Conclave.Benchmarks.SmokeTests;

/// <summary>Runs a benchmark built next to the tests as a child process, as an operator would, and collects what it prints.</summary>
internal static class BenchmarkProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    /// <summary>
    /// Runs <paramref name="assembly"/> to completion. One that prints nothing (on either stream) for
    /// <paramref name="silence"/> is taken to hang and killed: a busy machine makes it slower, not quieter.
    /// </summary>
    public static async Task<Outcome> RunAsync(string assembly, IEnumerable<string> arguments, TimeSpan silence)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("CONCLAVE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);

        var run = await ChildProcess.RunAsync(start, silence);
        if (run.Hung)
            throw new TimeoutException($"{assembly} printed nothing for {silence.TotalMinutes} minutes ({run.Elapsed.TotalMinutes:F1} " +
                $"minutes after it started); killed. It printed:\n{run.Output}\n{run.Errors}");
        return new Outcome(run.ExitCode, run.Output, run.Errors);
    }

    /// <summary>The rows of the printed Markdown table, header and rule left out.</summary>
    public static List<string[]> TableRows(string output) =>
        [.. output.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal))
            .Skip(1)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))];
}
