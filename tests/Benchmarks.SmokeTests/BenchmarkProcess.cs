using System.Diagnostics;

namespace Conclave.Benchmarks.SmokeTests;

/// <summary>Runs a benchmark built next to the tests as a child process, as an operator would, and collects what it prints.</summary>
internal static class BenchmarkProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static async Task<Outcome> RunAsync(string assembly, IEnumerable<string> arguments, TimeSpan timeout)
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

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var printed = process.StandardOutput.ReadToEndAsync();
        using var expiry = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Outcome(process.ExitCode, await printed, await errors);
    }

    /// <summary>The rows of the printed Markdown table, header and rule left out.</summary>
    public static List<string[]> TableRows(string output) =>
        [.. output.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("|---", StringComparison.Ordinal))
            .Skip(1)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))];
}
