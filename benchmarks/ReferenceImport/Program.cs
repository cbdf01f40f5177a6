// `admin import-reference` on a reference database of N messages of 1 KiB (plus users, sessions, key packages, groups,
// members, watermarks), against a floor: the same rows copied into a new file of the reference's own schema by one
// SQLite connection (ATTACH + one INSERT … SELECT per table, one transaction). Prints both times and floor/import
// (target ≥ 0.5). The import is the real server's command as a child process, start-up included (docs/performance.md).
// Usage: dotnet run -c Release --project benchmarks/ReferenceImport [-- --messages N --users N --groups N --server PATH]
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Conclave.Benchmarks.Shared;
using Conclave.TestSupport;

var messages = Option("--messages", 1_000_000);
var users = Option("--users", 2_000);
var groups = Option("--groups", 500);
var server = await ServerBuild.LocateAsync(args.SkipWhile(a => a != "--server").Skip(1).FirstOrDefault());
var folder = Path.Combine(Path.GetTempPath(), "conclave-import-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var source = Path.Combine(folder, "reference.db");
    var seeding = Stopwatch.StartNew();
    Seed(source, messages, users, groups);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"seeded {messages:N0} messages, {users:N0} users, {groups:N0} groups ({new FileInfo(source).Length / 1048576.0:F0} MiB) in {seeding.Elapsed.TotalSeconds:F1} s"));

    var floor = Floor(source, Path.Combine(folder, "floor.db"));
    File.Delete(Path.Combine(folder, "floor.db"));
    var import = await ImportAsync(server, source, Path.Combine(folder, "imported.db"));

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{messages:N0} messages of 1 KiB, {users:N0} users, {groups:N0} groups"));
    Console.WriteLine();
    Console.WriteLine("| what | seconds |");
    Console.WriteLine("|---|---|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| floor: ATTACH + INSERT … SELECT, one connection | {floor.TotalSeconds:F1} |"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| admin import-reference (process, start-up included) | {import.TotalSeconds:F1} |"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| floor / import (target ≥ 0.5) | {floor / import:F2} |"));
}
finally
{
    Directory.Delete(folder, recursive: true);
}

int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

// A realistic spread: every user in a few groups, messages spread over the groups, each member's watermark near the end.
static void Seed(string path, int messageCount, int userCount, int groupCount)
{
    using var reference = ReferenceDatabase.Create(path);
    reference.Execute("BEGIN");
    var userIds = Enumerable.Range(0, userCount).Select(i => reference.AddUser($"user{i}", ReferenceDatabase.KnownHash)).ToArray();
    foreach (var user in userIds)
    {
        reference.AddSession(user, ReferenceDatabase.Now + 86_400);
        for (var k = 0; k < 5; k++)
            reference.Execute("INSERT INTO key_packages (user_id, key_package_data, is_last_resort, created_at) VALUES ($u, randomblob(300), $l, 1)",
                ("$u", ReferenceDatabase.Text(user)), ("$l", k == 4 ? 1 : 0));
    }
    var groupIds = Enumerable.Range(0, groupCount).Select(i => reference.AddGroup($"group{i}")).ToArray();
    var members = new List<Guid>[groupCount];
    for (var g = 0; g < groupCount; g++)
    {
        members[g] = [.. Enumerable.Range(0, 20).Select(m => userIds[(g * 7 + m * 13) % userCount]).Distinct()];
        foreach (var (member, index) in members[g].Select((m, i) => (m, i))) reference.AddMember(groupIds[g], member, index == 0 ? "admin" : "member");
    }
    var sequences = new long[groupCount];
    var payload = new byte[1024];
    for (var i = 0; i < messageCount; i++)
    {
        var g = i % groupCount;
        RandomNumberGenerator.Fill(payload);
        reference.AddMessage(groupIds[g], members[g][i % members[g].Count], ++sequences[g], payload);
    }
    for (var g = 0; g < groupCount; g++)
        foreach (var member in members[g])
            reference.Execute("INSERT INTO message_fetch_watermarks (group_id, user_id, last_fetched_seq) VALUES ($g, $u, $s)",
                ("$g", ReferenceDatabase.Text(groupIds[g])), ("$u", ReferenceDatabase.Text(member)), ("$s", sequences[g]));
    reference.Execute("COMMIT");
}

// Timed to the connection's close, as the import is: closing folds the log into the file.
static TimeSpan Floor(string source, string path)
{
    var watch = Stopwatch.StartNew();
    using (var copy = ReferenceDatabase.Create(path))
    {
        copy.Execute("ATTACH DATABASE $path AS src", ("$path", source));
        copy.Execute("BEGIN");
        foreach (var table in new[] { "users", "sessions", "key_packages", "groups", "group_members", "messages", "message_fetch_watermarks" })
            copy.Execute($"INSERT INTO main.{table} SELECT * FROM src.{table}");
        copy.Execute("COMMIT");
    }
    return watch.Elapsed;
}

static async Task<TimeSpan> ImportAsync(string server, string source, string target)
{
    var watch = Stopwatch.StartNew();
    using var process = Process.Start(new ProcessStartInfo("dotnet", [server, "admin", "import-reference", source, "--into", target])
    {
        RedirectStandardOutput = true,
    })!;
    var output = await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    var elapsed = watch.Elapsed;
    Console.Error.Write(output);
    return process.ExitCode == 0 ? elapsed : throw new InvalidOperationException($"the import failed with exit code {process.ExitCode}");
}
