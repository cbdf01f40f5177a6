using System.Diagnostics;
using System.Text;

namespace Conclave.Tests.Shared;

/// <summary>
/// Runs a program to completion and returns its exit code and merged output. A program that prints nothing for
/// <c>silence</c> is taken to hang and killed: a busy machine makes it slower, not quieter.
/// </summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, TimeSpan silence)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.Zero;
        void Append(string? line)
        {
            if (line is null) return;
            lock (output)
            {
                output.AppendLine(line);
                lastLine = clock.Elapsed;
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        while (!exited.IsCompleted)
        {
            TimeSpan quiet;
            lock (output) quiet = clock.Elapsed - lastLine;
            if (quiet >= silence)
            {
                process.Kill(entireProcessTree: true);
                await exited;
                lock (output)
                    return new Result(-1, $"{output}\n{program} killed: nothing printed for {silence.TotalMinutes} minutes ({clock.Elapsed.TotalMinutes:F1} minutes after it started)");
            }
            await Task.WhenAny(exited, Task.Delay(silence - quiet));
        }
        process.WaitForExit(); // drains the redirected streams
        lock (output) return new Result(process.ExitCode, output.ToString());
    }
}
