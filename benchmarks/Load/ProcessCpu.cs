using System.Globalization;

namespace Conclave.Benchmarks.Load;

/// <summary>CPU time used so far (user + system, Linux /proc, in clock ticks of 10 ms).</summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private const string TieringThread = ".NET Tiered"; // the runtime's background tier-up compiler (comm is cut at 15 characters)

    public static TimeSpan Used(int processId) => FromStat(File.ReadAllText($"/proc/{processId}/stat"));

    /// <summary>
    /// The CPU time of each thread of the runtime's background tier-up compiler, by thread id. The runtime ends that
    /// thread when it has been idle a while and starts another when there is work again.
    /// </summary>
    public static Dictionary<int, TimeSpan> TieringThreads(int processId)
    {
        var used = new Dictionary<int, TimeSpan>();
        foreach (var thread in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(thread, "comm")).StartsWith(TieringThread, StringComparison.Ordinal))
                    used[int.Parse(Path.GetFileName(thread), CultureInfo.InvariantCulture)] = FromStat(File.ReadAllText(Path.Combine(thread, "stat")));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // the thread ended while being read
            }
        }
        return used;
    }

    /// <summary>What the tier-up compiler used between two readings of <see cref="TieringThreads"/>.</summary>
    public static TimeSpan TieringBetween(Dictionary<int, TimeSpan> before, Dictionary<int, TimeSpan> after) =>
        after.Aggregate(TimeSpan.Zero, (sum, thread) => sum + thread.Value - before.GetValueOrDefault(thread.Key));

    private static TimeSpan FromStat(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": state is field 3
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
