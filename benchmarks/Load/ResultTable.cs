using System.Globalization;

namespace Conclave.Benchmarks.Load;

/// <summary>
/// One row per scenario. A scenario measured in rounds (each server run paired with the floor run next to it) shows
/// the round with the median ratio, and every round's ratio; its errors are those of all rounds.
/// </summary>
internal sealed class ResultTable
{
    private readonly List<(string Scenario, int Connections, IReadOnlyList<LoadResult> Results, string Floor, IReadOnlyList<LoadResult> FloorResults)> _rows = [];

    public long Errors => _rows.Sum(row => row.Results.Sum(r => r.Errors) + row.FloorResults.Sum(r => r.Errors));

    public void Add(string scenario, int connections, LoadResult result, string floor, LoadResult floorResult) =>
        Add(scenario, connections, [result], floor, [floorResult]);

    public void Add(string scenario, int connections, IReadOnlyList<LoadResult> results, string floor, IReadOnlyList<LoadResult> floorResults) =>
        _rows.Add((scenario, connections, results, floor, floorResults));

    private static IEnumerable<(string Kind, long Count)> Kinds(IEnumerable<LoadResult> results) =>
        results.SelectMany(r => r.ErrorKinds).GroupBy(e => e.Key).Select(kind => (kind.Key, kind.Sum(e => e.Value)));

    public void Print(TextWriter output)
    {
        output.WriteLine("| scenario | conns | req/s | p50 ms | p99 ms | errors | floor | floor req/s | floor errors | ratio | CPU µs/req | floor CPU µs/req | warm-up s | JIT ms in window | ratio of each round | load generator CPU % |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (scenario, connections, results, floor, floorResults) in _rows)
        {
            var ratios = results.Select((r, i) => r.RequestsPerSecond / floorResults[i].RequestsPerSecond).ToList();
            var median = Enumerable.Range(0, ratios.Count).OrderBy(i => ratios[i]).ElementAt((ratios.Count - 1) / 2);
            var (result, floorResult) = (results[median], floorResults[median]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario} | {connections} | {result.RequestsPerSecond:F0} | {result.P50Ms:F2} | {result.P99Ms:F2} | {results.Sum(r => r.Errors)} | " +
                $"{floor} | {floorResult.RequestsPerSecond:F0} | {floorResults.Sum(r => r.Errors)} | {ratios[median]:F2} | " +
                $"{result.CpuMicrosPerRequest:F0} | {floorResult.CpuMicrosPerRequest:F0} | " +
                $"{result.WarmUpSeconds:F0}, {floorResult.WarmUpSeconds:F0} | {result.TieringMsInWindow:F0}, {floorResult.TieringMsInWindow:F0} | " +
                $"{string.Join(", ", ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))} | " +
                $"{result.GeneratorCpuPercent:F0}, {floorResult.GeneratorCpuPercent:F0} |"));
        }
        foreach (var (scenario, connections, results, floor, floorResults) in _rows)
        {
            foreach (var (kind, count) in Kinds(results)) output.WriteLine($"errors: {scenario}, {connections} conns: {count} × {kind}");
            foreach (var (kind, count) in Kinds(floorResults)) output.WriteLine($"errors: {floor} beside {scenario}, {connections} conns: {count} × {kind}");
        }
    }
}
