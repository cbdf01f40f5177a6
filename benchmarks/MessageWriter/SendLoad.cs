using System.Diagnostics;
using Conclave.Application.Messages.Commands.SendMessage;

namespace Conclave.Benchmarks.MessageWriter;

/// <summary>
/// <c>senders</c> concurrent loops, each sending its next 1 KiB message as soon as the last one is durable, like the
/// HTTP benchmark's connections: to one group, or each going round the 100 groups from its own starting point.
/// </summary>
internal static class SendLoad
{
    private static readonly byte[] Ciphertext = new byte[1024];

    public sealed record Figures(double SendsPerSecond, double CpuMicrosecondsPerSend);

    public static async Task<Figures> RunAsync(MessageStore store, int groups, int senders, TimeSpan warmUp, TimeSpan measured)
    {
        using var stop = new CancellationTokenSource();
        long sent = 0;
        var loops = Enumerable.Range(0, senders).Select(sender => Task.Run(async () =>
        {
            for (var i = sender; !stop.IsCancellationRequested; i++)
            {
                await store.SendAsync(new SendMessageCommand(store.Groups[i % groups], store.Sender, Ciphertext));
                Interlocked.Increment(ref sent);
            }
        })).ToList();
        await Task.Delay(warmUp);
        var process = Process.GetCurrentProcess();
        var (cpuBefore, sentBefore, clock) = (process.TotalProcessorTime, Interlocked.Read(ref sent), Stopwatch.StartNew());
        await Task.Delay(measured);
        process.Refresh();
        var (cpu, count, elapsed) = (process.TotalProcessorTime - cpuBefore, Interlocked.Read(ref sent) - sentBefore, clock.Elapsed);
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        return new Figures(count / elapsed.TotalSeconds, cpu.TotalMicroseconds / count);
    }
}
