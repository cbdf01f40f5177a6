using Conclave.Api.Hosting;
using Conclave.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Api.UnitTests.Hosting;

// The idle trim runs once start-up is done, never while requests keep arriving, once after a quiet spell that
// followed requests, and not again until new requests come. The clock is fake: nothing here waits on real time
// beyond letting the worker reach its next wait.
public sealed class IdleMemoryTrimTests : IDisposable
{
    private static readonly IdleMemoryTrimOptions Options = new(true, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
    private readonly FakeTimeProvider _clock = new();
    private readonly RequestActivity _activity = new();
    private readonly Lifetime _lifetime = new();
    private readonly Kept _kept = new();

    public void Dispose() => _lifetime.Dispose();

    [Fact]
    public async Task Trims_when_started_then_once_per_quiet_spell_after_requests()
    {
        using var trim = new IdleMemoryTrim(_activity, [_kept], Options, _clock, _lifetime, NullLogger<IdleMemoryTrim>.Instance);
        await trim.StartAsync(CancellationToken.None);
        await Task.Delay(100);
        Assert.Equal(0, trim.Trims); // not before start-up is done

        _lifetime.Started();
        await WaitForTrimsAsync(trim, 1);

        await TickAsync(seconds: 5); // quiet, but nothing happened since the last trim
        Assert.Equal(1, trim.Trims);

        for (var second = 0; second < 5; second++) // busy: a request in every second
        {
            _activity.Arrived();
            await TickAsync(seconds: 1);
        }
        Assert.Equal(1, trim.Trims);

        await TickAsync(seconds: 1);
        Assert.Equal(1, trim.Trims); // quiet for one second only
        await TickAsync(seconds: 1);
        await WaitForTrimsAsync(trim, 2);

        await TickAsync(seconds: 10);
        Assert.Equal(2, trim.Trims);
        Assert.Equal(2, _kept.Releases); // what is kept for busy times is given up at every trim
        await trim.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Switched_off_it_never_trims()
    {
        using var trim = new IdleMemoryTrim(_activity, [_kept], Options with { Enabled = false }, _clock, _lifetime, NullLogger<IdleMemoryTrim>.Instance);
        await trim.StartAsync(CancellationToken.None);
        _lifetime.Started();
        _activity.Arrived();
        await TickAsync(seconds: 10);

        Assert.Equal(0, trim.Trims);
        Assert.Equal(0, _kept.Releases);
        await trim.StopAsync(CancellationToken.None);
    }

    private async Task TickAsync(int seconds)
    {
        for (var second = 0; second < seconds; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50); // let the worker take the tick and reach its next wait
        }
    }

    private static async Task WaitForTrimsAsync(IdleMemoryTrim trim, long trims)
    {
        for (var attempt = 0; attempt < 200 && trim.Trims < trims; attempt++) await Task.Delay(20);
        Assert.Equal(trims, trim.Trims);
        await Task.Delay(100); // let the worker reach its wait before the test moves the clock
    }

    private sealed class Kept : IReleasableWhenIdle
    {
        public int Releases { get; private set; }
        public void ReleaseIdle() => Releases++;
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _started = new();
        public CancellationToken ApplicationStarted => _started.Token;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void Started() => _started.Cancel();
        public void StopApplication() { }
        public void Dispose() => _started.Dispose();
    }
}
