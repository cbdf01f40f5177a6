using System.Globalization;
using Conclave.Benchmarks.Shared;
using Conclave.Benchmarks.EventStreams;

// Usage: dotnet run -c Release --project benchmarks/EventStreams -- [--streams 1000,10000|none] [--members 1000] [--messages 200]
//        [--server path/to/Conclave.Api.dll]   (default: src/Api/bin/Release/net10.0, built first when missing)
//        [--server-gc true|false]              (default: the server build's own GC setting)
var options = Options.Parse(args);
var serverDll = await ServerBuild.LocateAsync(options.ServerDll);
Console.WriteLine($"server: {serverDll}");
Console.WriteLine($"open files limit: {FileDescriptorLimit.RaiseToHardLimit()}");
Console.WriteLine($"server GC: {(options.ServerGc is { } forced ? (forced ? "server (forced)" : "workstation (forced)") : "as built")}");

foreach (var streams in options.Streams)
{
    var bytes = await IdleStreams.MeasureBytesPerStreamAsync(serverDll, options.ServerGc, streams);
    Console.WriteLine($"idle streams: {streams,6}  server RSS per stream: {bytes / 1024:F1} KiB  (target <= 16 KiB)");
}

try
{
    var fanOut = await FanOut.MeasureAsync(serverDll, options.ServerGc, options.Members, options.Messages);
    var sorted = fanOut.LatenciesMs.Order().ToList();
    Console.WriteLine($"fan-out to {fanOut.Recipients} members, {sorted.Count} messages: " +
        $"p50 {Percentile(sorted, 0.50):F1} ms  p99 {Percentile(sorted, 0.99):F1} ms  max {sorted[^1]:F1} ms  (target p99 < 100 ms)");
}
catch (UnavailableException unavailable)
{
    Console.WriteLine($"fan-out: not measured, the server refused a step: {unavailable.Message}");
}
return 0;

static double Percentile(List<double> sorted, double quantile) =>
    sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];

internal sealed record Options(int[] Streams, int Members, int Messages, string? ServerDll, bool? ServerGc)
{
    public static Options Parse(string[] args)
    {
        var options = new Options([1_000, 10_000], 1_000, 200, null, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--streams" => options with { Streams = args[i + 1] == "none" ? [] : args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() },
                "--members" => options with { Members = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--messages" => options with { Messages = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--server" => options with { ServerDll = args[i + 1] },
                "--server-gc" => options with { ServerGc = bool.Parse(args[i + 1]) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }
}
