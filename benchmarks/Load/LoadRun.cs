using System.Diagnostics;

namespace Conclave.Benchmarks.Load;

/// <summary>
/// <paramref name="CpuMicrosPerRequest"/>: the target process's CPU time (user + system) in the window, per answer.
/// <paramref name="WarmUpSeconds"/>: the warm-up this run took; <paramref name="TieringMsInWindow"/>: what the runtime's
/// tier-up compiler used inside the window (zero when the warm-up waited for it to finish).
/// <paramref name="GeneratorCpuPercent"/>: this load generator's own CPU time in the window, as a share of the CPUs it may
/// use. Near 100, the generator, not the target, was the bound.
/// <paramref name="ErrorKinds"/>: the errors in the window by what went wrong (a status, or why the connection broke).
/// </summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, IReadOnlyDictionary<string, long> ErrorKinds, long Requests,
    double CpuMicrosPerRequest, double WarmUpSeconds, double TieringMsInWindow, double GeneratorCpuPercent)
{
    public long Errors => ErrorKinds.Values.Sum();
}

/// <summary>
/// Fixed concurrency: each connection sends its next request as soon as the last answer is read. A warm-up, then a
/// measured window; latencies and successes are counted only in the window. A status ≥ 400 or a broken connection
/// is an error (a broken connection is reopened). The warm-up lasts at least its given time, and beyond it until the
/// runtime's tier-up compiler has been idle for <see cref="TieringQuiet"/> (at most <paramref name="settleLimit"/>
/// more): until then hot methods still run unoptimised or instrumented code, and the compiler competes for the CPU.
/// </summary>
internal static class LoadRun
{
    public delegate byte[] RequestSource(int connection, long index);

    private static readonly TimeSpan TieringQuiet = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TieringPoll = TimeSpan.FromMilliseconds(250);

    private sealed record Window(long From, long Until)
    {
        public static readonly Window NotYet = new(long.MaxValue, long.MaxValue);
    }

    public static async Task<LoadResult> RunAsync(int port, int processId, int connections, RequestSource requests, TimeSpan warmUp, TimeSpan settleLimit, TimeSpan measure)
    {
        var window = Window.NotYet;
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(() => WorkAsync(port, c, requests, () => Volatile.Read(ref window)))).ToArray();
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(warmUp);
        await TieringSettledAsync(processId, settleLimit);
        var warmedUp = Stopwatch.GetElapsedTime(started);
        var tieringBefore = ProcessCpu.TieringThreads(processId);
        var cpuBefore = ProcessCpu.Used(processId);
        var ownCpuBefore = ProcessCpu.Used(Environment.ProcessId);
        var from = Stopwatch.GetTimestamp();
        Volatile.Write(ref window, new Window(from, from + (long)(measure.TotalSeconds * Stopwatch.Frequency)));
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} measuring pid {processId}, {connections} connections, {measure.TotalSeconds} s after {warmedUp.TotalSeconds:F1} s of warm-up");
        await Task.Delay(measure);
        var cpuUsed = ProcessCpu.Used(processId) - cpuBefore;
        var ownCpuUsed = ProcessCpu.Used(Environment.ProcessId) - ownCpuBefore;
        var tiering = ProcessCpu.TieringBetween(tieringBefore, ProcessCpu.TieringThreads(processId));
        var samples = await Task.WhenAll(workers);
        var latencies = samples.SelectMany(sample => sample.Latencies).Order().ToArray();
        var errors = samples.SelectMany(sample => sample.Errors).GroupBy(error => error.Key).ToDictionary(kind => kind.Key, kind => kind.Sum(error => error.Value));
        double Percentile(double q) => latencies.Length == 0 ? double.NaN
            : latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Length) - 1, 0, latencies.Length - 1)] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(latencies.Length / measure.TotalSeconds, Percentile(0.50), Percentile(0.99), errors, latencies.Length + errors.Values.Sum(),
            latencies.Length == 0 ? double.NaN : cpuUsed.TotalMicroseconds / latencies.Length, warmedUp.TotalSeconds, tiering.TotalMilliseconds,
            100 * ownCpuUsed.TotalSeconds / measure.TotalSeconds / Environment.ProcessorCount);
    }

    private static async Task TieringSettledAsync(int processId, TimeSpan limit)
    {
        var until = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        var quietSince = Stopwatch.GetTimestamp();
        var last = ProcessCpu.TieringThreads(processId);
        while (Stopwatch.GetElapsedTime(quietSince) < TieringQuiet && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(TieringPoll);
            var now = ProcessCpu.TieringThreads(processId);
            if (ProcessCpu.TieringBetween(last, now) > TimeSpan.Zero) quietSince = Stopwatch.GetTimestamp();
            last = now;
        }
    }

    private sealed record Sample(List<long> Latencies, Dictionary<string, long> Errors);

    private static async Task<Sample> WorkAsync(int port, int connection, RequestSource requests, Func<Window> window)
    {
        var latencies = new List<long>(4096);
        var errors = new Dictionary<string, long>();
        Http1Connection? http = null;
        try
        {
            for (long i = 0; ; i++)
            {
                var request = requests(connection, i);
                var sent = Stopwatch.GetTimestamp();
                var measured = window();
                if (sent >= measured.Until) break;
                string? error;
                try
                {
                    http ??= await Http1Connection.OpenAsync(port);
                    var status = await http.SendAsync(request);
                    error = status < 400 ? null : $"status {status}";
                }
                catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or FormatException)
                {
                    http?.Dispose();
                    http = null;
                    error = $"{exception.GetType().Name}: {exception.Message}";
                }
                var answered = Stopwatch.GetTimestamp();
                if (sent < measured.From || answered > measured.Until) continue;
                if (error is null) latencies.Add(answered - sent);
                else errors[error] = errors.GetValueOrDefault(error) + 1;
            }
        }
        finally
        {
            http?.Dispose();
        }
        return new Sample(latencies, errors);
    }
}
