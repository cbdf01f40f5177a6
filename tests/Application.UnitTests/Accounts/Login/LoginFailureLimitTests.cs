using Conclave.Application.Accounts.Commands.Login;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Application.UnitTests.Accounts.Login;

// login_failure_limit_per_minute (CLARIFICATIONS decision 11, §4.7): failures per address, none per username (issue
// 30: anyone could otherwise lock a user out); successes never count; 0 unlimited.
public sealed class LoginFailureLimitTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    private LoginFailureLimit Limit(long perMinute) => new(new ServerSettings { LoginFailureLimitPerMinute = perMinute }, _clock);

    [Fact]
    public void After_the_limit_of_failures_from_an_address_every_login_from_it_is_refused()
    {
        var limit = Limit(3);
        for (var i = 0; i < 3; i++) limit.Begin("198.51.100.1"); // failed: never Succeeded()

        var refusal = Assert.Throws<DomainException>(() => limit.Begin("198.51.100.1"));

        Assert.Equal(DomainError.RateLimited, refusal.Error);
        Assert.Equal("rate limit exceeded: at most 3 failed logins per minute from this address", refusal.Message);
    }

    [Fact]
    public void Failures_from_one_address_never_refuse_another()
    {
        var limit = Limit(3);
        for (var i = 0; i < 3; i++) limit.Begin("198.51.100.1");

        limit.Begin("198.51.100.2").Succeeded();
        limit.Begin("198.51.100.2").Succeeded();
        limit.Begin("198.51.100.2").Succeeded();
        limit.Begin("198.51.100.2");
    }

    [Fact]
    public void Successful_logins_never_count()
    {
        var limit = Limit(2);

        for (var i = 0; i < 100; i++) limit.Begin("198.51.100.1").Succeeded();

        limit.Begin("198.51.100.1");
        limit.Begin("198.51.100.1");
        Assert.Throws<DomainException>(() => limit.Begin("198.51.100.1"));
    }

    [Fact]
    public void Failures_age_out_after_a_minute()
    {
        var limit = Limit(1);
        limit.Begin("a");
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Throws<DomainException>(() => limit.Begin("a"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        limit.Begin("a");
    }

    [Fact]
    public void Zero_is_unlimited()
    {
        var limit = Limit(0);

        for (var i = 0; i < 5_000; i++) limit.Begin("127.0.0.1");
    }

    [Fact]
    public async Task Parallel_failures_cannot_overrun_the_limit()
    {
        var limit = Limit(20);
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
        {
            start.Wait();
            try { limit.Begin("198.51.100.1"); return true; }
            catch (DomainException) { return false; }
        })).ToList();

        start.Set();

        Assert.Equal(20, (await Task.WhenAll(attempts)).Count(admitted => admitted));
    }
}
