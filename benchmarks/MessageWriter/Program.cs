// CPU per message send through the server's use case and message writer (MediatR pipeline, group commit, the WAL's
// shared fsync), in process, without HTTP or authentication: to one group and spread over 100 groups, with the
// messages table as shipped and without its (group_id, sequence_num) key, in alternating rounds (docs/performance.md).
// Usage: taskset -c 0 dotnet run -c Release --project benchmarks/MessageWriter [-- <rounds> <seconds> <senders> <warm-up>]
// (defaults 3 rounds, 5 s windows, 64 senders, 15 s warm-up before the first window, 2 s before the others).
using System.Globalization;
using Conclave.Benchmarks.MessageWriter;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var measured = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5);
var senders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
// The first window waits for the tiered compiler; later ones only refill the writer's batches.
var firstWarmUp = TimeSpan.FromSeconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 15);
var warmUp = TimeSpan.FromSeconds(Math.Min(2, firstWarmUp.TotalSeconds));

await using var keyed = await MessageStore.CreateAsync(unkeyed: false);
await using var unkeyed = await MessageStore.CreateAsync(unkeyed: true);
Case[] cases =
[
    new("as shipped", keyed, 1), new("as shipped", keyed, MessageStore.GroupCount),
    new("without its key", unkeyed, 1), new("without its key", unkeyed, MessageStore.GroupCount),
];
for (var round = 0; round < rounds; round++)
{
    foreach (var c in cases)
    {
        var figures = await SendLoad.RunAsync(c.Store, c.Groups, senders, round == 0 && c == cases[0] ? firstWarmUp : warmUp, measured);
        c.Rounds.Add(figures);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round + 1}, {c.Table}, {c.Groups} group(s): {figures.SendsPerSecond:F0} sends/s, {figures.CpuMicrosecondsPerSend:F1} µs"));
    }
}

Console.WriteLine();
Console.WriteLine($"{senders} concurrent senders, 1 KiB messages, {rounds} round(s) of {measured.TotalSeconds} s; median of the rounds");
Console.WriteLine();
Console.WriteLine("| messages table | groups | sends/s | CPU µs/send | CPU µs/send, each round |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var c in cases)
{
    var each = string.Join(", ", c.Rounds.Select(f => f.CpuMicrosecondsPerSend.ToString("F1", CultureInfo.InvariantCulture)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {c.Table} | {c.Groups} | {Median(c.Rounds.Select(f => f.SendsPerSecond)):F0} | {Median(c.Rounds.Select(f => f.CpuMicrosecondsPerSend)):F1} | {each} |"));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

internal sealed record Case(string Table, MessageStore Store, int Groups)
{
    public List<SendLoad.Figures> Rounds { get; } = [];
}
