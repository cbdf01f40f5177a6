using Conclave.Api.Abuse;
using Conclave.Api.Configuration;
using Conclave.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Api.UnitTests.Abuse;

// login_failure_limit_per_minute (CLARIFICATIONS decision 11, §4.7): failures per address and, separately, per
// username; successes never count; 0 unlimited.
public sealed class LoginFailureLimitTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    private LoginFailureLimit Limit(long perMinute) => new(new ServerConfig { LoginFailureLimitPerMinute = perMinute }, _clock);

    [Fact]
    public void After_the_limit_of_failures_from_an_address_every_login_from_it_is_refused()
    {
        var limit = Limit(3);
        for (var i = 0; i < 3; i++) limit.Begin("198.51.100.1", $"name{i}"); // failed: never Succeeded()

        var refusal = Assert.Throws<DomainException>(() => limit.Begin("198.51.100.1", "someone_else"));

        Assert.Equal(DomainError.RateLimited, refusal.Error);
        Assert.Equal("rate limit exceeded: at most 3 failed logins per minute from this address", refusal.Message);
    }

    [Fact]
    public void After_the_limit_of_failures_for_a_username_it_is_refused_from_any_address()
    {
        var limit = Limit(3);
        for (var i = 0; i < 3; i++) limit.Begin($"198.51.100.{i}", "alice");

        var refusal = Assert.Throws<DomainException>(() => limit.Begin("198.51.100.200", "alice"));

        Assert.Equal("rate limit exceeded: at most 3 failed logins per minute for this username", refusal.Message);
        limit.Begin("198.51.100.200", "bob").Succeeded(); // the address itself was not charged for the refusal
    }

    [Fact]
    public void Successful_logins_never_count()
    {
        var limit = Limit(2);

        for (var i = 0; i < 100; i++) limit.Begin("198.51.100.1", "alice").Succeeded();

        limit.Begin("198.51.100.1", "alice");
        limit.Begin("198.51.100.1", "alice");
        Assert.Throws<DomainException>(() => limit.Begin("198.51.100.1", "alice"));
    }

    [Fact]
    public void Usernames_are_told_apart_exactly()
    {
        var limit = Limit(1);
        limit.Begin("a", "alice");

        limit.Begin("b", "Alice");
        Assert.Throws<DomainException>(() => limit.Begin("c", "alice"));
    }

    [Fact]
    public void Failures_age_out_after_a_minute()
    {
        var limit = Limit(1);
        limit.Begin("a", "alice");
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Throws<DomainException>(() => limit.Begin("a", "alice"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        limit.Begin("a", "alice");
    }

    [Fact]
    public void Zero_is_unlimited()
    {
        var limit = Limit(0);

        for (var i = 0; i < 5_000; i++) limit.Begin("127.0.0.1", "alice");
    }

    [Fact]
    public async Task Parallel_failures_cannot_overrun_the_limit()
    {
        var limit = Limit(20);
        using var start = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
        {
            start.Wait();
            try { limit.Begin("198.51.100.1", "alice"); return true; }
            catch (DomainException) { return false; }
        })).ToList();

        start.Set();

        Assert.Equal(20, (await Task.WhenAll(attempts)).Count(admitted => admitted));
    }
}
