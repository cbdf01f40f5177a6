using System.Globalization;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Google.Protobuf;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Conclave.Api.IntegrationTests.Reliability;

// The built server as a child process, with the SQLite settings it ships with, under concurrent senders, invites,
// accepts and group churn, killed with SIGKILL at random moments and restarted on the same database. Afterwards every
// acknowledged message is there, sequence numbers are unique and increasing, and nothing is half-applied
// (decision 12). CONCLAVE_CRASH_KILLS and CONCLAVE_CRASH_SEED size the run (docs/reliability.md).
[Collection(SoloCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new("crash");
    private string DatabasePath => Path.Combine(_folder.Path, "conclave.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Acknowledged_writes_survive_sigkill_and_nothing_is_half_applied()
    {
        var random = new Random(CrashSettings.Seed);
        var ledger = new CrashLedger();
        CrashCast cast;
        await using (var first = await StartAsync())
        {
            cast = await CrashCast.CreateAsync(first.Spec, inviteesPerInviter: 3);
        }
        for (var life = 1; life <= CrashSettings.Kills; life++)
        {
            await using var server = await StartAsync();
            var acknowledged = ledger.Messages.Count;
            var workload = new CrashWorkload(cast, ledger, server.Spec, life).RunAsync();
            // A fresh process answers its first requests slowly (JIT); the kill comes once traffic flows.
            await Eventually.HoldsAsync(() => Task.FromResult(ledger.Messages.Count > acknowledged), TimeSpan.FromSeconds(30), "a first acknowledged message");
            await Task.Delay(CrashSettings.KillAfter(random));
            await server.Process.KillAsync();
            await workload;
        }
        output.WriteLine($"{CrashSettings.Kills} kills (seed {CrashSettings.Seed}): {ledger.Messages.Count} acknowledged messages, " +
            $"{ledger.Escrows.Count} escrows, {ledger.AckedAccepts.Count} accepts, {ledger.CutOff} requests cut off by a kill");

        Assert.Empty(ledger.Unexpected);
        Assert.True(ledger.CutOff >= CrashSettings.Kills, "the kills should land while requests are in flight");
        Assert.NotEmpty(ledger.AckedAccepts);
        await using (var last = await StartAsync())
        {
            await AssertMessagesAsync(last.Spec, cast, ledger);
            await AssertInvitesAllOrNothingAsync(last.Spec, ledger);
        }
        await AssertDatabaseConsistentAsync();
    }

    private async Task AssertMessagesAsync(SpecClient spec, CrashCast cast, CrashLedger ledger)
    {
        foreach (var group in cast.Groups)
        {
            var stored = await AllMessagesAsync(spec, group);
            var numbers = stored.Select(m => (long)m.SequenceNum).ToList();
            Assert.Equal(numbers.Order().Distinct(), numbers); // unique and strictly increasing
            var bySequence = stored.ToDictionary(m => (long)m.SequenceNum);
            foreach (var acked in ledger.Messages.Where(m => m.Group == group.Guid))
            {
                Assert.True(bySequence.TryGetValue(acked.Sequence, out var message), $"acknowledged message {acked.Sequence} of {group.Name} is lost");
                Assert.Equal((acked.Sender, acked.Payload), (message.SenderId, message.MlsMessage));
            }
        }
    }

    // An escrowed invite is either still pending with no trace of acceptance, or gone with its member, welcome and
    // commit all present; an acknowledged accept is always the latter.
    private static async Task AssertInvitesAllOrNothingAsync(SpecClient spec, CrashLedger ledger)
    {
        foreach (var invite in ledger.Escrows)
        {
            var group = invite.Group;
            var pending = (await SpecClient.ReadAsync<ListGroupPendingInvitesResponse>(await spec.GetAsync(group.Path("/invites"), group.Owner.Token)))
                .Invites.Any(i => i.InviteeId == invite.Invitee.Id);
            var member = (await spec.ListedAsync(group, group.Owner)).Members.Any(m => m.UserId == invite.Invitee.Id);
            var welcomed = (await spec.WelcomesAsync(invite.Invitee)).Any(w => w.GroupId == group.Id);
            var committed = (await AllMessagesAsync(spec, group)).Any(m => m.SenderId == group.Owner.Id && m.MlsMessage == invite.Commit);
            var state = (pending, member, welcomed, committed);
            Assert.True(state is (true, false, false, false) or (false, true, true, true), $"{invite.Invitee.Username} in {group.Name} half-applied: {state}");
            if (ledger.AckedAccepts.ContainsKey(invite)) Assert.Equal((false, true, true, true), state);
        }
    }

    private async Task AssertDatabaseConsistentAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        Assert.Null(await ScalarAsync(connection, "PRAGMA foreign_key_check")); // no member, message or welcome without its group or user
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("0", await ScalarAsync(connection, "SELECT count(*) FROM groups g WHERE g.last_sequence < (SELECT coalesce(max(sequence_num), 0) FROM messages m WHERE m.group_id = g.id)"));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;
    }

    private static async Task<List<StoredMessage>> AllMessagesAsync(SpecClient spec, TestGroup group)
    {
        var all = new List<StoredMessage>();
        while (true)
        {
            var page = await spec.FetchAsync(group, group.Owner, $"?after={(all.Count == 0 ? 0 : all[^1].SequenceNum)}&limit=500");
            if (page.Count == 0) return all;
            all.AddRange(page);
        }
    }

    private async Task<RunningServer> StartAsync()
    {
        var (port, grpcPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
        var config = Path.Combine(_folder.Path, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {"listen_address": "127.0.0.1", "listen_port": {{port}}, "grpc_port": {{grpcPort}},
             "database_path": {{System.Text.Json.JsonSerializer.Serialize(DatabasePath)}},
             "register_limit_per_minute": 0, "login_failure_limit_per_minute": 0, "event_streams_per_user": 0}
            """);
        var process = ServerProcess.Start(_folder.Path, null, "--config", config);
        (await process.WaitForHttpAsync(port, "/api/v1/me")).Dispose();
        return new RunningServer(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) });
    }

    private sealed class RunningServer(ServerProcess process, HttpClient http) : IAsyncDisposable
    {
        public ServerProcess Process => process;
        public SpecClient Spec { get; } = new(http);

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            await process.DisposeAsync();
        }
    }
}
