using System.Diagnostics;
using System.Text;

namespace Conclave.TestSupport;

/// <summary>
/// Runs a program to completion and collects what it prints. A program that prints nothing (on either stream) for
/// <c>silence</c> is taken to hang and killed: a busy machine makes it slower, not quieter.
/// </summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>What a finished program printed, each stream apart; <c>Hung</c> when it was killed for its silence.</summary>
    public sealed record Streams(int ExitCode, string Output, string Errors, bool Hung, TimeSpan Elapsed);

    /// <returns>Exit code and both streams merged; a hung program's exit code is -1 and the output says why.</returns>
    public static async Task<Result> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan silence)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var run = await RunAsync(start, silence, mergeStreams: true);
        return run.Hung
            ? new Result(-1, $"{run.Output}\n{program} killed: nothing printed for {silence.TotalMinutes} minutes ({run.Elapsed.TotalMinutes:F1} minutes after it started)")
            : new Result(run.ExitCode, run.Output);
    }

    /// <summary>Runs <paramref name="start"/> (its streams redirected here), standard error apart unless merged.</summary>
    public static async Task<Streams> RunAsync(ProcessStartInfo start, TimeSpan silence, bool mergeStreams = false)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var (output, errors) = (new StringBuilder(), new StringBuilder());
        var gate = new Lock();
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        void Append(StringBuilder into, string? line)
        {
            if (line is null) return;
            lock (gate)
            {
                into.AppendLine(line);
                lastLine = clock.Elapsed;
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(mergeStreams ? output : errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var hung = false;
        while (!exited.IsCompleted)
        {
            TimeSpan quiet;
            lock (gate) quiet = clock.Elapsed - lastLine;
            if (quiet >= silence)
            {
                process.Kill(entireProcessTree: true);
                hung = true;
                break;
            }
            await Task.WhenAny(exited, Task.Delay(silence - quiet));
        }
        await exited;
        process.WaitForExit(); // drains the redirected streams
        lock (gate) return new Streams(hung ? -1 : process.ExitCode, output.ToString(), errors.ToString(), hung, clock.Elapsed);
    }
}
