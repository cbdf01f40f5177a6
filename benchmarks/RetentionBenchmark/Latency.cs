using System.Globalization;

namespace Conclave.Benchmarks.Retention;

internal static class Latency
{
    public static double Percentile(List<double> samples, double percentile)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string Row(string phase, List<double> samples) => string.Create(CultureInfo.InvariantCulture,
        $"| {phase} | {samples.Count} | {Percentile(samples, 50):F2} | {Percentile(samples, 99):F2} |");
}
