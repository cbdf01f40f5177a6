using System.Diagnostics;
using System.Globalization;
using Conclave.Benchmarks.Shared;
using Grpc.Net.Client;

namespace Conclave.Benchmarks.FetchMemory;

/// <summary>One surface's row: a fresh server on the seeded database, its RSS sampled every 20 ms during the fetches.</summary>
internal static class SurfaceRun
{
    public static async Task<string> RunAsync(string serverDll, string database, FetchGroup group, string surface, Options options)
    {
        var grpcPort = ServerProcess.FreePort();
        await using var server = await ServerProcess.StartAsync(serverDll, null, null,
            new Dictionary<string, object> { ["database_path"] = database, ["grpc_port"] = grpcPort });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        // No receive limit: a build that answers in one page must be measured, not refused by the client.
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}", new GrpcChannelOptions { MaxReceiveMessageSize = null });
        var fetcher = Fetcher.For(surface, group, http, channel);
        await Task.Delay(TimeSpan.FromSeconds(2)); // start-up's own allocations settle
        var before = server.ResidentBytes();

        using var stop = new CancellationTokenSource();
        var (peak, capped) = (before, false);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try { peak = Math.Max(peak, server.ResidentBytes()); }
                catch (IOException) { return; } // the process is gone
                if (peak > options.RssCapBytes && !capped)
                {
                    capped = true;
                    Process.GetProcessById(server.ProcessId).Kill();
                    return;
                }
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var clock = Stopwatch.StartNew();
        int[] pages = [];
        try
        {
            pages = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => fetcher.FetchAllAsync()));
        }
        catch (Exception) when (capped)
        {
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        const double MiB = 1024 * 1024;
        var served = capped ? "-" : (options.Concurrency * (long)group.Messages * options.Size / MiB).ToString("F0", CultureInfo.InvariantCulture);
        var pagesText = capped ? "-" : string.Join(", ", pages.Distinct());
        var peakText = capped ? $"> {options.RssCapBytes / MiB:F0} (killed at the cap)" : (peak / MiB).ToString("F0", CultureInfo.InvariantCulture);
        var growthText = capped ? "-" : ((peak - before) / MiB).ToString("F0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {surface} | {options.Concurrency} | {pagesText} | {served} | {seconds:F1} | {before / MiB:F0} | {peakText} | {growthText} |");
    }
}
