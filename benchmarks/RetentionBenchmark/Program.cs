// Send latency while the cleanup deletes a large backlog of expired messages, against idle latency in the same run.
// Usage: dotnet run -c Release --project benchmarks/RetentionBenchmark [-- <expired messages> <sends per phase>]
using System.Diagnostics;
using Conclave.Api;
using Conclave.Api.Configuration;
using Conclave.Application.Retention;
using Conclave.Benchmarks.Retention;
using Microsoft.Extensions.DependencyInjection;

var expired = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var sends = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000;
var folder = Directory.CreateTempSubdirectory("conclave-retention-bench");
var config = new ServerConfig
{
    ListenAddress = "127.0.0.1", ListenPort = 0, GrpcPort = 0,
    DatabasePath = Path.Combine(folder.FullName, "bench.db"),
    MessageRetention = "1d", CleanupInterval = "1y", // the start-up run finds nothing; the measured run is started by hand
};
var app = ServerApp.Build(config);
await ServerApp.StartAsync(app);
try
{
    var client = await BenchClient.ConnectAsync(app);
    var sendGroup = await client.CreateGroupAsync("sends");
    var expiredGroup = await client.CreateGroupAsync("expired");
    var seeding = Stopwatch.StartNew();
    await Seeder.InsertExpiredMessagesAsync(config.DatabasePath, expiredGroup, client.UserId, expired);
    Console.WriteLine($"seeded {expired:N0} expired messages in {seeding.Elapsed.TotalSeconds:F1} s");

    await client.SendManyAsync(sendGroup, 200); // warm-up
    var idle = await client.SendManyAsync(sendGroup, sends);

    await using var scope = app.Services.CreateAsyncScope();
    var cleanup = scope.ServiceProvider.GetRequiredService<CleanupRun>();
    var cleanupClock = Stopwatch.StartNew();
    var cleanupTask = cleanup.ExecuteAsync(CancellationToken.None);
    var during = await client.SendManyWhileAsync(sendGroup, () => !cleanupTask.IsCompleted);
    var report = await cleanupTask;
    cleanupClock.Stop();

    Console.WriteLine();
    Console.WriteLine("| phase | sends | p50 ms | p99 ms |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine(Latency.Row("idle", idle));
    Console.WriteLine(Latency.Row("during cleanup", during));
    Console.WriteLine();
    Console.WriteLine($"cleanup deleted {report.Messages:N0} messages in {cleanupClock.Elapsed.TotalSeconds:F1} s " +
        $"({report.Messages / Math.Max(cleanupClock.Elapsed.TotalSeconds, 0.001):N0}/s)");
    Console.WriteLine($"p99 during cleanup / idle p99 = {Latency.Percentile(during, 99) / Latency.Percentile(idle, 99):F2} (target <= 2)");
}
finally
{
    await app.StopAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}
