using Conclave.Application.Common.Security;
using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Conclave.Application.UnitTests.Common.Security;

// Sliding expiry (CLARIFICATIONS §4.5): validity and the slide are Session's rules (Domain.UnitTests/Sessions); here,
// that a due slide is written once and a slide not due is not written.
public sealed class SessionAuthenticatorTests
{
    private const long Now = 1_800_000_000;
    private const long MonthTtl = 2_592_000;
    private readonly ISessionStore _store = Substitute.For<ISessionStore>();
    private readonly ISessionTokens _tokens = Substitute.For<ISessionTokens>();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(Now));
    private static readonly UserId Alice = UserId.New();
    private readonly SessionSlides _slides = new();

    public SessionAuthenticatorTests() => _tokens.Hash("token").Returns("hash");

    [Fact]
    public async Task An_unknown_token_authenticates_nobody()
    {
        Assert.Null(await Authenticate(MonthTtl));
        await _store.DidNotReceiveWithAnyArgs().SlideAsync(default!, default, default);
    }

    [Fact]
    public async Task The_token_is_looked_up_by_its_hash()
    {
        StoredSessionExpiringAt(Now + MonthTtl);

        var session = await Authenticate(MonthTtl);

        Assert.Equal(new AuthenticatedSession(Alice, "hash", Now + MonthTtl), session);
        await _store.Received(1).FindAsync("hash", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_session_one_second_before_its_expiry_is_valid_and_slides()
    {
        StoredSessionExpiringAt(Now + 1);

        var session = await Authenticate(MonthTtl);

        Assert.Equal(Now + MonthTtl, session!.ExpiresAt);
        await _store.Received(1).SlideAsync("hash", Now + MonthTtl, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_session_is_dead_at_exactly_its_expiry_and_is_not_extended()
    {
        StoredSessionExpiringAt(Now);

        Assert.Null(await Authenticate(MonthTtl));
        await _store.DidNotReceiveWithAnyArgs().SlideAsync(default!, default, default);
    }

    [Fact]
    public async Task An_expiry_within_the_granularity_of_now_plus_ttl_is_not_rewritten()
    {
        StoredSessionExpiringAt(Now + MonthTtl - 60); // granularity: 1 % of the TTL, at most 60 s

        var session = await Authenticate(MonthTtl);

        Assert.Equal(Now + MonthTtl - 60, session!.ExpiresAt);
        await _store.DidNotReceiveWithAnyArgs().SlideAsync(default!, default, default);
    }

    [Fact]
    public async Task An_expiry_lagging_past_the_granularity_is_rewritten_to_now_plus_ttl()
    {
        StoredSessionExpiringAt(Now + MonthTtl - 61);

        var session = await Authenticate(MonthTtl);

        Assert.Equal(Now + MonthTtl, session!.ExpiresAt);
        await _store.Received(1).SlideAsync("hash", Now + MonthTtl, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Requests_that_find_the_same_slide_due_share_one_write()
    {
        StoredSessionExpiringAt(Now + 1);
        var write = new TaskCompletionSource();
        _store.SlideAsync("hash", Now + MonthTtl, Arg.Any<CancellationToken>()).Returns(write.Task);

        var requests = Enumerable.Range(0, 5).Select(_ => Authenticate(MonthTtl)).ToList();
        Assert.All(requests, request => Assert.False(request.IsCompleted)); // each waits for the one write
        write.SetResult();

        Assert.All(await Task.WhenAll(requests), session => Assert.Equal(Now + MonthTtl, session!.ExpiresAt));
        await _store.Received(1).SlideAsync("hash", Now + MonthTtl, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Once_a_slide_is_done_the_next_due_one_writes_again()
    {
        StoredSessionExpiringAt(Now + MonthTtl - 61);
        await Authenticate(MonthTtl);
        _clock.Advance(TimeSpan.FromMinutes(2));

        await Authenticate(MonthTtl);

        await _store.Received(2).SlideAsync("hash", Arg.Any<long>(), Arg.Any<CancellationToken>());
    }

    private void StoredSessionExpiringAt(long expiresAt) =>
        _store.FindAsync("hash", Arg.Any<CancellationToken>()).Returns(new AuthenticatedSession(Alice, "hash", expiresAt));

    private Task<AuthenticatedSession?> Authenticate(long ttl) =>
        new SessionAuthenticator(_store, _tokens, _slides, _clock, new ServerSettings { TokenTtlSeconds = ttl }).AuthenticateAsync("token", default);
}
