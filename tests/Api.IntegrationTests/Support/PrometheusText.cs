using System.Globalization;
using System.Text.RegularExpressions;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>Reads samples out of a Prometheus text exposition (GET /metrics).</summary>
public static partial class PrometheusText
{
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex Label();

    /// <summary>The sum of <paramref name="metric"/>'s samples carrying every label given; null when it has none.</summary>
    public static double? Value(string exposition, string metric, params (string Key, string Value)[] labels)
    {
        double? sum = null;
        foreach (var line in exposition.Split('\n'))
        {
            var sample = Sample().Match(line);
            if (!sample.Success || sample.Groups["name"].Value != metric) continue;
            var present = Label().Matches(sample.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            if (!labels.All(l => present.TryGetValue(l.Key, out var value) && value == l.Value)) continue;
            sum = (sum ?? 0) + double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return sum;
    }
}
