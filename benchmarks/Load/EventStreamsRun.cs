using System.Diagnostics;

namespace Conclave.Benchmarks.Load;

/// <summary>Runs benchmarks/EventStreams (its own servers) and returns the lines it prints.</summary>
internal static class EventStreamsRun
{
    public static async Task<List<string>> RunAsync(string eventStreamsDll, string serverDll, string streams, int members, int messages)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { eventStreamsDll, "--streams", streams, "--members", members.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--messages", messages.ToString(System.Globalization.CultureInfo.InvariantCulture), "--server", serverDll })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the events benchmark");
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"the events benchmark failed ({process.ExitCode}): {await errors}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("idle streams:", StringComparison.Ordinal) || line.StartsWith("fan-out", StringComparison.Ordinal))
            .ToList();
    }
}
