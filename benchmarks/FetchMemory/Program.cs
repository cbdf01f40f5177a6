// Peak RSS of the server while clients fetch a group of large messages at once, on each surface (issue #30, finding 1;
// docs/performance.md). One group holds --messages messages of --size bytes; for each surface a fresh server process
// on that database serves --concurrency clients, each fetching every message once: in one page of 500 on the spec
// surface, and on JSON and gRPC page after page with `after` (one page where the server does not cut pages by size).
// A server whose RSS passes --rss-cap-mib is killed and its row says so, so that a build that holds whole pages in
// memory cannot take the machine down.
// Usage: dotnet run -c Release --project benchmarks/FetchMemory [-- --server dll] [--messages 500] [--size 1048000]
//        [--concurrency 4] [--rss-cap-mib 6144] [--surfaces protobuf,grpc,json]
using System.Globalization;
using Conclave.Benchmarks.FetchMemory;
using Conclave.Benchmarks.Shared;

var options = Options.Parse(args);
var serverDll = await ServerBuild.LocateAsync(options.Server);
Console.WriteLine($"server: {serverDll}");
var folder = Path.Combine(Path.GetTempPath(), "conclave-bench", "fetch-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var database = Path.Combine(folder, "conclave.db");
    var seeded = await FetchGroup.SeedAsync(serverDll, database, options.Messages, options.Size);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{options.Messages} messages of {options.Size} bytes ({options.Messages * (long)options.Size / 1048576.0:F0} MiB) in one group; {options.Concurrency} concurrent fetches of all of them per surface"));
    Console.WriteLine();
    Console.WriteLine("| surface | fetches | pages per fetch | MiB served | seconds | RSS before (MiB) | peak RSS (MiB) | peak growth (MiB) |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var surface in options.Surfaces)
    {
        var row = await SurfaceRun.RunAsync(serverDll, database, seeded, surface, options);
        Console.WriteLine(row);
    }
}
finally
{
    try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
}
