using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Conclave.Api.IntegrationTests.AccountRoutes;

// CLARIFICATIONS R3, §4.5, §4.6 and checklist 7, 29, 35-37, 40.
public sealed class SessionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SpecClient Spec => fixture.Server.Spec;

    [Fact]
    public async Task Logout_answers_204_without_body_or_content_type()
    {
        var alice = await Spec.NewUserAsync();

        using var response = await Spec.LogoutAsync(alice.Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task After_logout_the_token_is_dead_and_a_second_logout_is_refused()
    {
        var alice = await Spec.NewUserAsync();
        await Spec.LogoutAsync(alice.Token);

        await Spec.AssertTokenDeadAsync(alice.Token);
        await SpecClient.AssertErrorAsync(await Spec.LogoutAsync(alice.Token), HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }

    [Fact]
    public async Task Logout_ends_only_the_presenting_session()
    {
        var alice = await Spec.NewUserAsync();
        var other = await Spec.LoginAsync(alice.Username);

        await Spec.LogoutAsync(alice.Token);

        Assert.Equal(alice.Username, (await Spec.GetMeAsync(other.Token)).Username);
    }

    [Fact]
    public async Task Logout_needs_authentication()
    {
        using var response = await Spec.PostAsync("/api/v1/logout");

        await SpecClient.AssertErrorAsync(response, HttpStatusCode.Unauthorized, ErrorCode.AuthHeaderMissing, "missing Authorization header");
    }

    [Fact]
    public async Task An_authenticated_call_extends_the_session_even_when_it_then_fails()
    {
        // The server's clock is stepped by hand: with the wall clock, a loaded machine could let a step run late and
        // the session lapse for that reason alone. TTL 4 s: a session opened at T is dead from T+4 unless it slides.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var server = await TestServer.StartAsync(c => c with { TokenTtlSeconds = 4 }, b => b.Services.AddSingleton<TimeProvider>(clock));
        var alice = await server.Spec.NewUserAsync();

        clock.Advance(TimeSpan.FromSeconds(3));
        await SpecClient.AssertErrorAsync(await server.Spec.UserByIdAsync(alice.Token, "not-a-uuid"), HttpStatusCode.BadRequest, ErrorCode.InputBadRequest);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(alice.Username, (await server.Spec.GetMeAsync(alice.Token)).Username); // T+6: alive only because it slid to T+7

        clock.Advance(TimeSpan.FromSeconds(4));
        await server.Spec.AssertTokenDeadAsync(alice.Token);                                 // T+10: the slide at T+6 ran to T+10
    }

    [Fact]
    public async Task A_token_ttl_of_zero_makes_every_session_dead_on_arrival()
    {
        await using var server = await TestServer.StartAsync(c => c with { TokenTtlSeconds = 0 });
        var username = AccountCalls.UniqueName("ttl0");
        await server.Spec.RegisterAsync(username);

        var login = await server.Spec.LoginAsync(username);

        await server.Spec.AssertTokenDeadAsync(login.Token);
    }
}
