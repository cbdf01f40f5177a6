using Conclave.Application.Common.Settings;
using Conclave.Application.Retention;
using Conclave.Infrastructure.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Infrastructure.Tests.Retention;

public sealed class CleanupWorkerTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_000_000));
    private readonly CountingStore _store = new();

    [Fact]
    public async Task Runs_at_start_up_and_then_every_interval()
    {
        using var worker = Worker(cleanupIntervalSeconds: 10);
        await worker.StartAsync(CancellationToken.None);
        await WaitForRunsAsync(1);

        _clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(100);
        Assert.Equal(1, _store.Runs);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForRunsAsync(2);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_interval_longer_than_a_timer_can_wait_is_waited_out()
    {
        using var worker = Worker(cleanupIntervalSeconds: 31_536_000); // "1y"
        await worker.StartAsync(CancellationToken.None);
        await WaitForRunsAsync(1);

        for (var day = 0; day < 364; day += 7)
        {
            _clock.Advance(TimeSpan.FromDays(7));
            await Task.Delay(10);
        }
        Assert.Equal(1, _store.Runs);
        _clock.Advance(TimeSpan.FromDays(2));
        await WaitForRunsAsync(2);
        await worker.StopAsync(CancellationToken.None);
    }

    private CleanupWorker Worker(long cleanupIntervalSeconds)
    {
        var settings = new ServerSettings { CleanupIntervalSeconds = cleanupIntervalSeconds };
        var services = new ServiceCollection()
            .AddSingleton<IRetentionStore>(_store)
            .AddSingleton(settings)
            .AddSingleton<TimeProvider>(_clock)
            .AddLogging()
            .AddScoped<CleanupRun>()
            .BuildServiceProvider();
        return new CleanupWorker(services.GetRequiredService<IServiceScopeFactory>(), settings, _clock, NullLogger<CleanupWorker>.Instance);
    }

    private async Task WaitForRunsAsync(int runs)
    {
        for (var attempt = 0; attempt < 200 && _store.Runs < runs; attempt++) await Task.Delay(20);
        Assert.Equal(runs, _store.Runs);
        await Task.Delay(100); // let the worker reach its wait before the test moves the clock
    }

    private sealed class CountingStore : IRetentionStore
    {
        private int _runs;
        public int Runs => Volatile.Read(ref _runs);
        public Task<int> DeleteExpiredSessionsAsync(long now, int batchSize, CancellationToken cancellationToken) => Task.FromResult(0);
        public Task<int> DeleteInvitesCreatedBeforeAsync(long cutoff, int batchSize, CancellationToken cancellationToken) => Task.FromResult(0);
        public Task<int> DeleteAgedMessagesAsync(long now, long serverRetention, int batchSize, CancellationToken cancellationToken) => Task.FromResult(0);
        public Task<int> DeleteFetchedMessagesAsync(long serverRetention, int batchSize, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs); // the last step of a run
            return Task.FromResult(0);
        }
    }
}
