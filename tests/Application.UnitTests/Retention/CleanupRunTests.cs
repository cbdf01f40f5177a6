using Conclave.Application.Common.Observability;
using Conclave.Application.Common.Settings;
using Conclave.Application.UnitTests.Common.Observability;
using Conclave.Application.Retention;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Conclave.Application.UnitTests.Retention;

public sealed class CleanupRunTests : IDisposable
{
    private readonly IRetentionStore _store = Substitute.For<IRetentionStore>();
    private readonly ConclaveMetrics _metrics = new();
    private readonly RecordedMeasurements _measurements;

    public CleanupRunTests() => _measurements = new RecordedMeasurements(_metrics);

    public void Dispose()
    {
        _measurements.Dispose();
        _metrics.Dispose();
    }
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_000_000));

    [Fact]
    public async Task Deletes_in_batches_until_a_batch_comes_back_short()
    {
        _store.DeleteAgedMessagesAsync(default, default, default, default).ReturnsForAnyArgs(CleanupRun.BatchSize, CleanupRun.BatchSize, 7);

        var report = await Run(new ServerSettings { MessageRetentionSeconds = 60 });

        Assert.Equal(2 * CleanupRun.BatchSize + 7, report.AgedMessages);
        await _store.ReceivedWithAnyArgs(3).DeleteAgedMessagesAsync(default, default, default, default);
    }

    [Fact]
    public async Task Uses_the_clock_and_the_invite_ttl()
    {
        await Run(new ServerSettings { InviteTtlSeconds = 100, MessageRetentionSeconds = 0 });

        await _store.Received(1).DeleteExpiredSessionsAsync(1_000_000, CleanupRun.BatchSize, Arg.Any<CancellationToken>());
        await _store.Received(1).DeleteInvitesCreatedBeforeAsync(999_900, CleanupRun.BatchSize, Arg.Any<CancellationToken>());
        await _store.Received(1).DeleteAgedMessagesAsync(1_000_000, 0, CleanupRun.BatchSize, Arg.Any<CancellationToken>());
        await _store.Received(1).DeleteFetchedMessagesAsync(0, CleanupRun.BatchSize, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_failing_step_does_not_stop_the_next_ones()
    {
        _store.DeleteExpiredSessionsAsync(default, default, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("database is locked"));
        _store.DeleteFetchedMessagesAsync(default, default, default).ReturnsForAnyArgs(3);

        var report = await Run(new ServerSettings());

        Assert.Equal(0, report.Sessions);
        Assert.Equal(3, report.FetchedMessages);
    }

    [Fact]
    public async Task Each_run_and_its_deletions_by_kind_are_counted()
    {
        _store.DeleteExpiredSessionsAsync(default, default, default).ReturnsForAnyArgs(4);
        _store.DeleteInvitesCreatedBeforeAsync(default, default, default).ReturnsForAnyArgs(1);
        _store.DeleteAgedMessagesAsync(default, default, default, default).ReturnsForAnyArgs(CleanupRun.BatchSize, 2);

        await Run(new ServerSettings { MessageRetentionSeconds = 60 });
        await Run(new ServerSettings { MessageRetentionSeconds = 60 });

        Assert.Equal(2, _measurements.Total("conclave.cleanup.runs"));
        Assert.Equal(8, _measurements.Total("conclave.cleanup.deleted", ("kind", "sessions")));
        Assert.Equal(2, _measurements.Total("conclave.cleanup.deleted", ("kind", "invites")));
        Assert.Equal(CleanupRun.BatchSize + 2 + 2, _measurements.Total("conclave.cleanup.deleted", ("kind", "aged_messages"))); // the stub repeats its last 2
        Assert.Equal(0, _measurements.Total("conclave.cleanup.deleted", ("kind", "fetched_messages")));
    }

    private Task<CleanupReport> Run(ServerSettings settings) =>
        new CleanupRun(_store, settings, _clock, _metrics, NullLogger<CleanupRun>.Instance).ExecuteAsync(CancellationToken.None);
}
