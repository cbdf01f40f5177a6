using Conclave.Api.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Conclave.Api.IntegrationTests.Reliability;

// The built server as a child process, with the SQLite settings it ships with, under concurrent senders, invites,
// accepts and group churn, killed with SIGKILL at random moments and restarted on the same database.
// Afterwards every acknowledged write is there, sequence numbers are gapless, and nothing is half-applied
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
        await using (var first = await ServerLife.StartAsync(_folder.Path, DatabasePath))
        {
            cast = await CrashCast.CreateAsync(first.Spec, inviteesPerInviter: 3);
        }
        for (var life = 1; life <= CrashSettings.Kills; life++)
        {
            await using var server = await ServerLife.StartAsync(_folder.Path, DatabasePath);
            // On a slow machine an invite's four steps can outlast every random kill: until one accept is acknowledged,
            // a life is killed only after it.
            await new CrashWorkload(cast, ledger, server.Spec, life).RunAndKillAsync(server.Process, random,
                ledger.AckedAccepts.IsEmpty ? FirstAcceptAsync : null);
        }
        output.WriteLine($"{CrashSettings.Kills} kills (seed {CrashSettings.Seed}): {ledger.Messages.Count} acknowledged messages, " +
            $"{ledger.Escrows.Count} escrows, {ledger.AckedAccepts.Count} accepts, " +
            $"{ledger.CutOff} requests cut off by a kill");

        Assert.Empty(ledger.Unexpected);
        Assert.True(ledger.CutOff >= CrashSettings.Kills, "the kills should land while requests are in flight");
        Assert.NotEmpty(ledger.AckedAccepts);
        await using var last = await ServerLife.StartAsync(_folder.Path, DatabasePath);
        Assert.Empty(await DurabilityChecks.ProblemsAsync(last.Spec, cast, ledger, DatabasePath));

        Task FirstAcceptAsync() => Eventually.HoldsAsync(() => Task.FromResult(!ledger.AckedAccepts.IsEmpty), TimeSpan.FromSeconds(60), "a first acknowledged accept");
    }
}
