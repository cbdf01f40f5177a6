using Conclave.Application.KeyPackages;
using Conclave.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Application.UnitTests.KeyPackages;

// Decision 4 / CLARIFICATIONS §5.5: ten hand-outs per rolling minute per target user.
public sealed class KeyPackageRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:30Z"));
    private readonly KeyPackageRateLimiter _limiter;
    private static readonly UserId Bob = UserId.New(), Carol = UserId.New();

    public KeyPackageRateLimiterTests() => _limiter = new KeyPackageRateLimiter(_clock);

    [Fact]
    public void Ten_pass_and_the_eleventh_is_refused()
    {
        for (var i = 0; i < 10; i++) Assert.NotNull(_limiter.TryAcquire(Bob));

        Assert.Null(_limiter.TryAcquire(Bob));
    }

    [Fact]
    public void The_target_is_served_again_a_minute_after_the_oldest_hand_out()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(_limiter.TryAcquire(Bob));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        // the first was at 0 s, the tenth at 9 s; now it is 10 s
        _clock.Advance(TimeSpan.FromSeconds(49.9));
        Assert.Null(_limiter.TryAcquire(Bob));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.NotNull(_limiter.TryAcquire(Bob)); // 60 s after the first
        Assert.Null(_limiter.TryAcquire(Bob));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(_limiter.TryAcquire(Bob)); // 60 s after the second
    }

    [Fact]
    public void All_ten_come_back_at_the_latest_a_minute_after_the_tenth()
    {
        for (var i = 0; i < 10; i++) Assert.NotNull(_limiter.TryAcquire(Bob));
        _clock.Advance(TimeSpan.FromSeconds(60));

        for (var i = 0; i < 10; i++) Assert.NotNull(_limiter.TryAcquire(Bob));
        Assert.Null(_limiter.TryAcquire(Bob));
    }

    [Fact]
    public void The_window_rolls_across_a_minute_boundary()
    {
        _clock.Advance(TimeSpan.FromSeconds(29)); // 00:00:59
        for (var i = 0; i < 10; i++) Assert.NotNull(_limiter.TryAcquire(Bob));
        _clock.Advance(TimeSpan.FromSeconds(2)); // 00:01:01, a new calendar minute

        Assert.Null(_limiter.TryAcquire(Bob));
    }

    [Fact]
    public void Each_target_has_its_own_limit()
    {
        for (var i = 0; i < 10; i++) Assert.NotNull(_limiter.TryAcquire(Bob));

        Assert.NotNull(_limiter.TryAcquire(Carol));
    }

    [Fact]
    public void A_released_permit_no_longer_counts()
    {
        var stamps = Enumerable.Range(0, 10).Select(_ => _limiter.TryAcquire(Bob)!.Value).ToList();

        _limiter.Release(Bob, stamps[^1]);

        Assert.NotNull(_limiter.TryAcquire(Bob));
        Assert.Null(_limiter.TryAcquire(Bob));
    }

    [Fact]
    public void Idle_targets_are_forgotten()
    {
        for (var i = 0; i < 100; i++) _limiter.TryAcquire(UserId.New());
        Assert.Equal(100, _limiter.TrackedTargets);

        _clock.Advance(TimeSpan.FromSeconds(61));
        _limiter.TryAcquire(Bob);

        Assert.Equal(1, _limiter.TrackedTargets);
    }

    [Fact]
    public void A_target_whose_permits_are_all_released_is_forgotten()
    {
        var stamp = _limiter.TryAcquire(Bob)!.Value;

        _limiter.Release(Bob, stamp);

        Assert.Equal(0, _limiter.TrackedTargets);
    }

    [Fact]
    public async Task Concurrent_callers_get_exactly_ten_permits()
    {
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return _limiter.TryAcquire(Bob) is not null;
        })).ToList();

        start.Set();
        var granted = await Task.WhenAll(attempts);

        Assert.Equal(10, granted.Count(g => g));
    }
}
