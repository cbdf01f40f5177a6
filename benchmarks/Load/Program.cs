using System.Globalization;
using Conclave.Benchmarks.Load;
using Conclave.Benchmarks.Shared;
using Conclave.V1;
using Google.Protobuf;

// Usage: Conclave.Benchmarks.Load [--smoke] [--seconds 5] [--warmup 10] [--settle 60] [--rounds 3] [--connections 1,16,64]
//                                 [--server-cpus 0|none] [--server dll] [--floor dll] [--events dll|none] [--log-level warning]
// --settle: how much longer than --warmup a warm-up may last while the runtime's tier-up compiler is still at work.
// --rounds: how many times the sends at the largest concurrency (the targets) are measured, server and floor in turn.
// --log-level: the server's log_level (default warning, as shipped); below warning its lines are read but not shown.
// Prints one table: every scenario against the real server, next to its floor (benchmarks/Floor) measured in the same run.
var options = Options.Parse(args);
var sizes = options.Smoke ? Sizes.Smoke : Sizes.Full;
var warmUp = TimeSpan.FromSeconds(options.WarmUpSeconds);
var settleLimit = TimeSpan.FromSeconds(options.SettleSeconds);
var window = TimeSpan.FromSeconds(options.Seconds);
var warmUpAgain = TimeSpan.FromSeconds(Math.Min(options.WarmUpSeconds, 2));
int[] connections = options.Connections ?? (options.Smoke ? [1, 4] : [1, 16, 64]);
var middle = connections.Length > 2 ? connections[1] : connections[^1];
var largest = connections.Max();
Console.WriteLine($"server: {options.ServerDll}");
Console.WriteLine($"floor: {options.FloorDll}");
Console.WriteLine($"server and floor pinned to CPU {options.ServerCpus ?? "(not pinned)"}; this process: {Environment.ProcessorCount} CPU(s) visible");
Console.WriteLine($"warm-up {warmUp.TotalSeconds} s, and up to {settleLimit.TotalSeconds} s more until the tier-up compiler is idle; measured {window.TotalSeconds} s per scenario");
Console.WriteLine($"sends at {largest} connections: {options.Rounds} round(s), each row showing the round with the median ratio");

await using var server = await ServerProcess.StartAsync(options.ServerDll, null, options.ServerCpus,
    new Dictionary<string, object> { ["log_level"] = options.LogLevel });
Console.WriteLine($"server pid: {server.ProcessId}");
await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 1 : 3));
var freshResident = server.ResidentBytes();
using var http = new HttpClient { BaseAddress = server.BaseAddress };
var api = new SpecApi(http);
var fixture = await Fixture.CreateAsync(api, sizes);
await using var floor = await FloorProcess.StartAsync(options.FloorDll, options.ServerCpus, server.DatabasePath);
await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 1 : 5));
var idleResident = server.ResidentBytes();

var table = new ResultTable();
// Two runs measured side by side (the flood) take the fixed warm-up, so that their windows coincide. A later round of
// the same scenario finds the processes warm: it only waits for new connections and an idle compiler.
// The compiler can wake again after 2 s of rest: a window in which it used more than 2% of the window's time competed
// with the requests for the CPU and is measured again, at most twice (not in the smoke run, nor for the flood's two runs).
async Task<LoadResult> Run(int port, int conns, LoadRun.RequestSource requests, bool alongside = false, bool again = false)
{
    var processId = port == server.Port ? server.ProcessId : floor.ProcessId;
    var settle = alongside ? TimeSpan.Zero : settleLimit;
    var result = await LoadRun.RunAsync(port, processId, conns, requests, again ? warmUpAgain : warmUp, settle, window);
    for (var retry = 0; retry < 2 && settle > TimeSpan.Zero && result.TieringMsInWindow > window.TotalMilliseconds * 0.02; retry++)
    {
        Console.Error.WriteLine($"the tier-up compiler used {result.TieringMsInWindow:F0} ms of that window: measuring again");
        result = await LoadRun.RunAsync(port, processId, conns, requests, warmUpAgain, settle, window);
    }
    return result;
}

var sendBody = new SendMessageRequest { MlsMessage = ByteString.CopyFrom(Ciphertext.New()) };
var toOne = Requests.Post($"/api/v1/groups/{fixture.SendGroups[0]}/messages", sendBody, fixture.Sender.Token);
var toMany = fixture.SendGroups.Select(g => Requests.Post($"/api/v1/groups/{g}/messages", sendBody, fixture.Sender.Token)).ToArray();
var fromMembers = fixture.ChatMembers.Select(m => Requests.Post($"/api/v1/groups/{fixture.ChatGroup}/messages", sendBody, m.Token)).ToArray();
var insert = Requests.Post("/insert", sendBody.ToByteArray(), null);
// The floor that does the 100-group send's physical work: rows keyed by (group, sequence), going round the same groups.
var keyedInserts = fixture.SendGroups.Select(g => Requests.Post($"/insert/{Convert.ToHexString(g.ToByteArray(bigEndian: true))}", sendBody.ToByteArray(), null)).ToArray();
var keyedFloor = $"insert by (group, sequence), {keyedInserts.Length} groups";
long sendResident = 0;
LoadResult? sendAtMiddle = null;
foreach (var conns in options.Runs("send") ? connections : [])
{
    // The targets' rows are measured in rounds, server and floor in turn, so that one noisy window does not decide.
    List<LoadResult> ones = [], manys = [], chats = [], floors = [], keyedFloors = [];
    for (var round = 0; round < (conns == largest ? options.Rounds : 1); round++)
    {
        var again = round > 0;
        var (one, peak) = await ResidentSampler.PeakDuringAsync(server.ProcessId, () => Run(server.Port, conns, (_, _) => toOne, again: again));
        sendResident = Math.Max(sendResident, peak);
        ones.Add(one);
        manys.Add(await Run(server.Port, conns, (c, i) => toMany[(c + i) % toMany.Length], again: again));
        // Every sender has its own entries in the index on the sender (docs/performance.md, *Where a send's time goes*).
        if (conns == largest) chats.Add(await Run(server.Port, conns, (c, _) => fromMembers[c % fromMembers.Length], again: again));
        floors.Add(await Run(floor.Port, conns, (_, _) => insert, again: again));
        keyedFloors.Add(await Run(floor.Port, conns, (c, i) => keyedInserts[(c + i) % keyedInserts.Length], again: again));
    }
    if (conns == middle) sendAtMiddle = ones[0];
    table.Add("send 1 KiB, 1 group", conns, ones, "insert, group commit", floors);
    table.Add($"send 1 KiB, {toMany.Length} groups", conns, manys, keyedFloor, keyedFloors);
    table.Add($"floor: {keyedFloor}", conns, keyedFloors, "insert, group commit", floors);
    if (chats.Count > 0) table.Add($"send 1 KiB, 1 group, {fromMembers.Length} senders", conns, chats, "insert, group commit", floors);
}

if (options.Runs("fetch"))
{
    var fetch = Requests.Get($"/api/v1/groups/{fixture.FetchGroup}/messages?after={fixture.FetchAfter}", fixture.Sender.Token);
    var fetchFloor = Requests.Get($"/messages?group={Convert.ToHexString(fixture.FetchGroup.ToByteArray(bigEndian: true))}&after={fixture.FetchAfter}", null);
    table.Add("fetch 100 messages (after)", middle, await Run(server.Port, middle, (_, _) => fetch),
        "raw ADO.NET fetch", await Run(floor.Port, middle, (_, _) => fetchFloor));
}

// Where a request's cost goes: an authenticated read of the caller alone, then one scoped to a group (session and
// group-access look-ups plus one small read), both against the bare endpoint.
if (options.Runs("overhead"))
{
    var bareFloor = await Run(floor.Port, middle, (_, _) => Requests.Post("/bare", new byte[200], null));
    var me = Requests.Get("/api/v1/me", fixture.Sender.Token);
    var retention = Requests.Get($"/api/v1/groups/{fixture.SendGroups[0]}/retention", fixture.Sender.Token);
    table.Add("authenticated read (GET /me)", middle, await Run(server.Port, middle, (_, _) => me), "bare endpoint", bareFloor);
    table.Add("group-scoped read (GET retention)", middle, await Run(server.Port, middle, (_, _) => retention), "bare endpoint", bareFloor);
}

var list = Requests.Get("/api/v1/groups", fixture.Lister.Token);
var bare = Requests.Post("/bare", new byte[200], null);
if (options.Runs("list")) table.Add($"list groups ({sizes.ListGroups} of {sizes.ListMembers} members)", middle, await Run(server.Port, middle, (_, _) => list),
    "bare endpoint", await Run(floor.Port, middle, (_, _) => bare));

var login = Requests.Post("/api/v1/login", new LoginRequest { Username = fixture.SenderName, Password = Fixture.Password }, null);
var hash = Requests.Post("/hash", System.Text.Encoding.UTF8.GetBytes(Fixture.Password), null);
// Measured only for the scenarios compared with it, so that a run of the sends alone takes no hashing window.
var hashFloor = options.Runs("login") || options.Runs("register") || options.Runs("flood") ? await Run(floor.Port, middle, (_, _) => hash) : null;
if (options.Runs("login")) table.Add("login", middle, await Run(server.Port, middle, (_, _) => login), "Argon2id verify", hashFloor!);
var run = Guid.NewGuid().ToString("N")[..6];
if (options.Runs("register")) table.Add("register", middle, await Run(server.Port, middle, (c, i) =>
        Requests.Post("/api/v1/register", new RegisterRequest { Username = $"r{run}c{c}n{i}", Password = Fixture.Password }, null)),
    "Argon2id verify", hashFloor!);

// A login flood next to message traffic: the senders keep going while as many connections log in as fast as they can.
if (options.Runs("flood"))
{
    sendAtMiddle ??= await Run(server.Port, middle, (_, _) => toOne);
    var flood = Run(server.Port, middle, (_, _) => login, alongside: true);
    var sendDuringFlood = await Run(server.Port, middle, (_, _) => toOne, alongside: true);
    var floodResult = await flood;
    table.Add("send 1 group during login flood", middle, sendDuringFlood, "send 1 group alone", sendAtMiddle);
    table.Add("login flood (during the sends)", middle, floodResult, "Argon2id verify", hashFloor!);
}

await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 1 : 5));
var settledResident = server.ResidentBytes();

List<string> events = options.EventsDll is null ? ["not run (--events none)"]
    : options.Smoke
        ? await EventStreamsRun.RunAsync(options.EventsDll, options.ServerDll, "none", 20, 5)
        : await EventStreamsRun.RunAsync(options.EventsDll, options.ServerDll, "1000", 200, 50);

Console.WriteLine();
table.Print(Console.Out);
Console.WriteLine();
Console.WriteLine($"server RSS idle: {freshResident / 1048576.0:F1} MiB just started, {idleResident / 1048576.0:F1} MiB after the set-up; peak under send load: {sendResident / 1048576.0:F1} MiB; " +
                  $"after the run, settled: {settledResident / 1048576.0:F1} MiB");
if (hashFloor is not null) Console.WriteLine($"Argon2id (m=19456 KiB, t=2, p=1) on the floor's CPU: {hashFloor.RequestsPerSecond:F1} hashes/s");
foreach (var line in events) Console.WriteLine($"events: {line}");
return table.Errors == 0 ? 0 : 1;

internal sealed record Options(bool Smoke, double Seconds, double WarmUpSeconds, double SettleSeconds, int Rounds, string? ServerCpus, string ServerDll, string FloorDll,
    string? EventsDll, int[]? Connections = null, string[]? Only = null, string LogLevel = "warning")
{
    public static Options Parse(string[] args)
    {
        var root = ServerBuild.RepositoryRoot();
        string Built(string project, string dll) => Path.Combine(root, "benchmarks", project, "bin", "Release", "net10.0", dll);
        var options = new Options(false, 5, 10, 60, 3, Environment.ProcessorCount > 1 ? "0" : null,
            Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "Conclave.Api.dll"),
            Built("Floor", "Conclave.Benchmarks.Floor.dll"), Built("EventStreams", "Conclave.Benchmarks.EventStreams.dll"));
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => args[++i];
            options = args[i] switch
            {
                "--smoke" => options with { Smoke = true, Seconds = 1, WarmUpSeconds = 0.5, SettleSeconds = 0, Rounds = 2 },
                "--connections" => options with { Connections = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--only" => options with { Only = Next().Split(',') },
                "--seconds" => options with { Seconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmUpSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--settle" => options with { SettleSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--server-cpus" => options with { ServerCpus = Next() is "none" ? null : args[i] },
                "--server" => options with { ServerDll = Path.GetFullPath(Next()) },
                "--floor" => options with { FloorDll = Path.GetFullPath(Next()) },
                "--events" => options with { EventsDll = Next() is "none" ? null : Path.GetFullPath(args[i]) },
                "--log-level" => options with { LogLevel = Next() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    /// <summary>Whether a group of scenarios runs (all of them unless --only names some: send, fetch, list, login, register, flood, overhead).</summary>
    public bool Runs(string scenarios) => Only is null || Only.Contains(scenarios);
}
