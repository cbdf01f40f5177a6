using Conclave.Application.Accounts.Commands.Register;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Application.UnitTests.Accounts.Register;

// register_limit_per_minute (CLARIFICATIONS decision 11, §4.7): per client address, rolling minute, 0 unlimited.
public sealed class RegistrationLimitTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-01-01T00:00:50Z"));

    [Fact]
    public void The_limit_passes_and_the_next_one_is_refused_with_a_message_naming_it()
    {
        var limit = new RegistrationLimit(new ServerSettings { RegisterLimitPerMinute = 3 }, _clock);
        for (var i = 0; i < 3; i++) limit.Admit("203.0.113.7");

        var refusal = Assert.Throws<DomainException>(() => limit.Admit("203.0.113.7"));

        Assert.Equal(DomainError.RateLimited, refusal.Error);
        Assert.Equal("rate limit exceeded: at most 3 registrations per minute from this address", refusal.Message);
    }

    [Fact]
    public void Each_address_has_its_own_count()
    {
        var limit = new RegistrationLimit(new ServerSettings { RegisterLimitPerMinute = 1 }, _clock);
        limit.Admit("203.0.113.7");

        limit.Admit("203.0.113.8");
        Assert.Throws<DomainException>(() => limit.Admit("203.0.113.7"));
    }

    [Fact]
    public void The_window_rolls_over_calendar_minutes_and_frees_a_place_60_seconds_after_it_was_taken()
    {
        var limit = new RegistrationLimit(new ServerSettings { RegisterLimitPerMinute = 2 }, _clock);
        limit.Admit("a");
        _clock.Advance(TimeSpan.FromSeconds(20)); // 00:01:10, a new calendar minute
        limit.Admit("a");
        Assert.Throws<DomainException>(() => limit.Admit("a"));

        _clock.Advance(TimeSpan.FromSeconds(40)); // 60 s after the first
        limit.Admit("a");
        Assert.Throws<DomainException>(() => limit.Admit("a"));
    }

    [Fact]
    public void Zero_is_unlimited_for_every_address_loopback_included()
    {
        var limit = new RegistrationLimit(new ServerSettings { RegisterLimitPerMinute = 0 }, _clock);

        for (var i = 0; i < 5_000; i++) limit.Admit("127.0.0.1");
    }

    [Fact]
    public void Loopback_has_no_exemption_when_a_limit_is_set()
    {
        var limit = new RegistrationLimit(new ServerSettings { RegisterLimitPerMinute = 1 }, _clock);
        limit.Admit("127.0.0.1");

        Assert.Throws<DomainException>(() => limit.Admit("127.0.0.1"));
    }
}
