using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Conclave.Api.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Conclave.Api.IntegrationTests.Admin;

// admin backup through the binary while senders write to the running server; the copy, restored as docs/deploy.md
// says, is served by a new server with every message acknowledged before the backup began.
public sealed partial class BackupTests : IDisposable
{
    private readonly TempFolder _folder = new("backup-tests");

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^backed up .+ to .+: (\d+) bytes, integrity_check ok, latest migration \d{14}_\w+$")]
    private static partial Regex BackedUp();

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // the file's mode; the server runs on Linux
    public async Task A_backup_taken_under_write_load_is_consistent_and_a_restore_serves_every_acknowledged_message()
    {
        var backupPath = Path.Combine(_folder.Path, "conclave-backup.db");
        var acknowledged = new ConcurrentDictionary<long, byte[]>();
        TestGroup group;
        TestUser alice;
        KeyValuePair<long, byte[]>[] beforeBackup;
        int sentDuringBackup;
        AdminBinaryRun backup, again;
        await using (var server = await TestServer.StartAsync())
        {
            alice = await server.Spec.NewUserAsync("alice");
            var bob = await server.Spec.NewUserAsync("bob");
            group = await server.Spec.WithMembersAsync(await server.Spec.CreateGroupAsync(alice), bob);
            using var stop = new CancellationTokenSource();
            var senders = new[] { alice, bob, alice, bob }.Select((sender, lane) => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var payload = System.Text.Encoding.UTF8.GetBytes($"lane {lane} message {n}");
                    acknowledged[await server.Spec.SendAsync(group, sender, payload)] = payload;
                }
            })).ToArray();
            await Eventually.HoldsAsync(() => Task.FromResult(acknowledged.Count >= 50), TimeSpan.FromSeconds(10), "50 messages sent");

            beforeBackup = [.. acknowledged];
            backup = await new AdminBinary(server, _folder).RunAsync("backup", backupPath);
            sentDuringBackup = acknowledged.Count - beforeBackup.Length;
            again = await new AdminBinary(server, _folder).RunAsync("backup", backupPath);
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }

        Assert.True(backup.ExitCode == 0, backup.Stderr);
        var size = BackedUp().Match(backup.Stdout.Trim());
        Assert.True(size.Success, backup.Stdout);
        Assert.Equal(new FileInfo(backupPath).Length, long.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(sentDuringBackup > 0, "the senders went on while the backup ran");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backupPath));
        Assert.Equal((1, $"error: {backupPath} exists; a backup is written only to a new file"), (again.ExitCode, again.Stderr.Trim()));
        Assert.Equal("ok", await IntegrityCheckAsync(backupPath));

        // The restore of docs/deploy.md: the copy becomes the database file of a server that starts on it.
        var restored = Path.Combine(_folder.Path, "restored", "conclave.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backupPath, restored);
        await using var restoredServer = await TestServer.StartAsync(c => c with { DatabasePath = restored });
        var member = alice with { Token = (await restoredServer.Spec.LoginAsync(alice.Username)).Token };
        var served = new Dictionary<long, byte[]>();
        for (var page = await restoredServer.Spec.FetchAsync(group, member, "?after=0&limit=500"); page.Count > 0;
             page = await restoredServer.Spec.FetchAsync(group, member, $"?after={served.Keys.Max()}&limit=500"))
        {
            foreach (var message in page) served[(long)message.SequenceNum] = message.MlsMessage.ToByteArray();
        }
        foreach (var (sequence, payload) in beforeBackup)
            Assert.True(served.TryGetValue(sequence, out var stored) && stored.SequenceEqual(payload), $"message {sequence} was acknowledged before the backup");
    }

    [Fact]
    public async Task Backup_refuses_a_missing_database_and_creates_nothing()
    {
        var config = Path.Combine(_folder.Path, "config.json");
        var database = Path.Combine(_folder.Path, "none", "conclave.db");
        await File.WriteAllTextAsync(config, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["database_path"] = database }));
        await using var process = ServerProcess.Start(_folder.Path, null, "--config", config, "admin", "backup", Path.Combine(_folder.Path, "copy.db"));
        process.Stdin.Close();

        Assert.Equal(1, await process.ExitCodeAsync());
        Assert.Equal($"error: no database at {database}", process.Stderr.Trim());
        Assert.False(File.Exists(database));
        Assert.False(File.Exists(Path.Combine(_folder.Path, "copy.db")));
    }

    private static async Task<string> IntegrityCheckAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadWrite;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
