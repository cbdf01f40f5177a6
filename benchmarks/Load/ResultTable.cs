using System.Globalization;

namespace Conclave.Benchmarks.Load;

internal sealed class ResultTable
{
    private readonly List<(string Scenario, int Connections, LoadResult Result, string Floor, LoadResult FloorResult)> _rows = [];

    public long Errors => _rows.Sum(row => row.Result.Errors + row.FloorResult.Errors);

    public void Add(string scenario, int connections, LoadResult result, string floor, LoadResult floorResult) =>
        _rows.Add((scenario, connections, result, floor, floorResult));

    public void Print(TextWriter output)
    {
        output.WriteLine("| scenario | conns | req/s | p50 ms | p99 ms | errors | floor | floor req/s | floor errors | ratio | CPU µs/req | floor CPU µs/req | warm-up s | JIT ms in window |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (scenario, connections, result, floor, floorResult) in _rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scenario} | {connections} | {result.RequestsPerSecond:F0} | {result.P50Ms:F2} | {result.P99Ms:F2} | {result.Errors} | " +
                $"{floor} | {floorResult.RequestsPerSecond:F0} | {floorResult.Errors} | {result.RequestsPerSecond / floorResult.RequestsPerSecond:F2} | " +
                $"{result.CpuMicrosPerRequest:F0} | {floorResult.CpuMicrosPerRequest:F0} | " +
                $"{result.WarmUpSeconds:F0}, {floorResult.WarmUpSeconds:F0} | {result.TieringMsInWindow:F0}, {floorResult.TieringMsInWindow:F0} |"));
        }
    }
}
