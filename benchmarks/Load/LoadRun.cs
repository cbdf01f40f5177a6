using System.Diagnostics;

namespace Conclave.Benchmarks.Load;

/// <summary><paramref name="CpuMicrosPerRequest"/>: the target process's CPU time (user + system) in the window, per answer.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors, long Requests, double CpuMicrosPerRequest);

/// <summary>
/// Fixed concurrency: each connection sends its next request as soon as the last answer is read. A warm-up, then a
/// measured window; latencies and successes are counted only in the window. A status ≥ 400 or a broken connection
/// is an error (a broken connection is reopened).
/// </summary>
internal static class LoadRun
{
    public delegate byte[] RequestSource(int connection, long index);

    public static async Task<LoadResult> RunAsync(int port, int processId, int connections, RequestSource requests, TimeSpan warmUp, TimeSpan measure)
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(() => WorkAsync(port, c, requests, measureFrom, measureUntil))).ToArray();
        await Task.Delay(warmUp);
        var cpuBefore = ProcessCpu.Used(processId);
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} measuring pid {processId}, {connections} connections, {measure.TotalSeconds} s");
        await Task.Delay(measure);
        var cpuUsed = ProcessCpu.Used(processId) - cpuBefore;
        var samples = await Task.WhenAll(workers);
        var latencies = samples.SelectMany(sample => sample.Latencies).Order().ToArray();
        var errors = samples.Sum(sample => sample.Errors);
        double Percentile(double q) => latencies.Length == 0 ? double.NaN
            : latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(latencies.Length / measure.TotalSeconds, Percentile(0.50), Percentile(0.99), errors, latencies.Length + errors,
            latencies.Length == 0 ? double.NaN : cpuUsed.TotalMicroseconds / latencies.Length);
    }

    private sealed record Sample(List<long> Latencies, long Errors);

    private static async Task<Sample> WorkAsync(int port, int connection, RequestSource requests, long measureFrom, long measureUntil)
    {
        var latencies = new List<long>(4096);
        long errors = 0;
        Http1Connection? http = null;
        try
        {
            for (long i = 0; ; i++)
            {
                var request = requests(connection, i);
                var sent = Stopwatch.GetTimestamp();
                if (sent >= measureUntil) break;
                bool ok;
                try
                {
                    http ??= await Http1Connection.OpenAsync(port);
                    ok = await http.SendAsync(request) < 400;
                }
                catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or FormatException)
                {
                    http?.Dispose();
                    http = null;
                    ok = false;
                }
                var answered = Stopwatch.GetTimestamp();
                if (sent < measureFrom || answered > measureUntil) continue;
                if (ok) latencies.Add(answered - sent);
                else errors++;
            }
        }
        finally
        {
            http?.Dispose();
        }
        return new Sample(latencies, errors);
    }
}
