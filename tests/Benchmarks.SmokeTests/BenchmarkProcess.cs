using System.Diagnostics;
using System.Text;

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
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("CONCLAVE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(inherited);

        var (printed, errors) = (new StringBuilder(), new StringBuilder());
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        void Append(StringBuilder into, string? line)
        {
            if (line is null) return;
            lock (printed)
            {
                into.AppendLine(line);
                lastLine = clock.Elapsed;
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(printed, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        while (!exited.IsCompleted)
        {
            TimeSpan quiet;
            lock (printed) quiet = clock.Elapsed - lastLine;
            if (quiet >= silence)
            {
                process.Kill(entireProcessTree: true);
                await exited;
                lock (printed)
                    throw new TimeoutException($"{assembly} printed nothing for {silence.TotalMinutes} minutes ({clock.Elapsed.TotalMinutes:F1} " +
                        $"minutes after it started); killed. It printed:\n{printed}\n{errors}");
            }
            await Task.WhenAny(exited, Task.Delay(silence - quiet));
        }
        process.WaitForExit(); // drains the redirected streams
        lock (printed) return new Outcome(process.ExitCode, printed.ToString(), errors.ToString());
    }

    /// <summary>The rows of the printed Markdown table, header and rule left out.</summary>
    public static List<string[]> TableRows(string output) =>
        [.. output.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal))
            .Skip(1)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))];
}
