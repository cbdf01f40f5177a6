using Conclave.Benchmarks.Shared;

namespace Conclave.Benchmarks.Load;

/// <summary>The highest RSS of a process seen while something runs (sampled every 100 ms).</summary>
internal static class ResidentSampler
{
    public static async Task<(T Result, long PeakBytes)> PeakDuringAsync<T>(int processId, Func<Task<T>> run)
    {
        using var stop = new CancellationTokenSource();
        long peak = 0;
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ServerProcess.ResidentBytes(processId));
                try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var result = await run();
        await stop.CancelAsync();
        await sampler;
        return (result, peak);
    }
}
