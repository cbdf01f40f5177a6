using Conclave.Api.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Conclave.Api.IntegrationTests.Reliability.PowerLoss;

// The crash run's workload (concurrent sends to three groups, escrowed invites with their new groups and accepts,
// group churn) against the built server with an LD_PRELOAD library that journals every change to the database files
// not yet covered by an fsync. Each life is SIGKILLed at a random moment once it has acknowledged
// PowerLossSettings.MessagesPerLife messages, while some change is unsynced; every such change is then undone, which
// leaves the disk a power loss would leave, and the next life starts on it. Afterwards everything acknowledged is
// there (docs/reliability.md, Power loss). The second test runs the same with the server's fsyncs made no-ops by the
// library, and shows that the checks then report acknowledged writes as lost.
[Collection(SoloCollection.Name)]
public sealed class PowerLossTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new("powerloss");
    private string DatabasePath => Path.Combine(_folder.Path, "conclave.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Acknowledged_writes_survive_a_power_loss()
    {
        var (ledger, undone, problems) = await RunAsync(dropFsync: false);

        Assert.Empty(ledger.Unexpected);
        Assert.True(ledger.CutOff >= PowerLossSettings.Kills, "the kills should land while requests are in flight");
        Assert.True(undone > 0, "some changes should have been unsynced when the power went");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_server_that_skips_its_fsync_is_caught_losing_acknowledged_writes()
    {
        var (_, _, problems) = await RunAsync(dropFsync: true);

        Assert.Contains(problems, problem => problem.StartsWith("lost:", StringComparison.Ordinal));
    }

    private async Task<(CrashLedger Ledger, int Undone, List<string> Problems)> RunAsync(bool dropFsync)
    {
        var disk = new UnsyncedWrites(_folder.Path, DatabasePath);
        var random = new Random(CrashSettings.Seed);
        var ledger = new CrashLedger();
        CrashCast cast;
        // The cast's life ends in an orderly stop, which checkpoints the log into the database file: a next life whose
        // fsyncs are dropped then cannot lose the cast (its start would otherwise checkpoint the log unsynced).
        await using (var first = await ServerLife.StartAsync(_folder.Path, DatabasePath, disk.Environment(0, dropFsync: false)))
        {
            cast = await CrashCast.CreateAsync(first.Spec, inviteesPerInviter: 3);
            first.Process.Terminate();
            Assert.Equal(0, await first.Process.ExitCodeAsync());
        }
        var undone = disk.LosePower(0);
        for (var life = 1; life <= PowerLossSettings.Kills; life++)
        {
            var before = ledger.Messages.Count;
            await using (var server = await ServerLife.StartAsync(_folder.Path, DatabasePath, disk.Environment(life, dropFsync)))
                await new CrashWorkload(cast, ledger, server.Spec, life).RunAndKillAsync(server.Process, random, async () =>
                {
                    await Eventually.HoldsAsync(() => Task.FromResult(ledger.Messages.Count >= before + PowerLossSettings.MessagesPerLife),
                        TimeSpan.FromSeconds(60), $"{PowerLossSettings.MessagesPerLife} acknowledged messages in life {life}");
                    await disk.UnsyncedMomentAsync(life);
                });
            undone += disk.LosePower(life);
        }
        await using var last = await ServerLife.StartAsync(_folder.Path, DatabasePath);
        var problems = await DurabilityChecks.ProblemsAsync(last.Spec, cast, ledger, DatabasePath);
        var acknowledged = ledger.Messages.Count + ledger.Escrows.Count + ledger.AckedAccepts.Count;
        output.WriteLine($"{PowerLossSettings.Kills} power losses{(dropFsync ? " with the server's fsyncs dropped" : "")} (seed {CrashSettings.Seed}): " +
            $"{ledger.Messages.Count} acknowledged messages, {ledger.Escrows.Count} escrows, {ledger.AckedAccepts.Count} accepts, " +
            $"{ledger.CutOff} requests cut off, {undone} unsynced changes undone; " +
            $"{problems.Count(p => p.StartsWith("lost:", StringComparison.Ordinal))} of {acknowledged} acknowledged writes lost, {problems.Count} problems");
        foreach (var line in ledger.Unexpected.Concat(problems).Take(20)) output.WriteLine(line);
        return (ledger, undone, problems);
    }
}
