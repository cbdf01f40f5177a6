using Conclave.Application.Common.Settings;
using Conclave.Application.Retention;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Conclave.Application.UnitTests.Retention;

public sealed class CleanupRunTests
{
    private readonly IRetentionStore _store = Substitute.For<IRetentionStore>();
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

    private Task<CleanupReport> Run(ServerSettings settings) =>
        new CleanupRun(_store, settings, _clock, NullLogger<CleanupRun>.Instance).ExecuteAsync(CancellationToken.None);
}
