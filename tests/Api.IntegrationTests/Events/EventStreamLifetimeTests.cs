using System.Net;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using EventsRpc = Conclave.Server.V1.Events;
using Conclave.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using GroupDeletedEvent = Conclave.Application.Common.Events.Realtime.GroupDeletedEvent;

namespace Conclave.Api.IntegrationTests.Events;

// CLARIFICATIONS decision 9 and §8.5: a stream ends with the session that opened it, and only with it.
public sealed class EventStreamLifetimeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(10); // milliseconds when idle; a loaded CI machine is slower

    private TestServer Server => fixture.Server;
    private IEventSink Sink => Server.Services.GetRequiredService<IEventSink>();

    [Fact]
    public async Task Logout_closes_the_streams_of_that_session_and_the_other_session_keeps_receiving()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var other = await Server.Spec.LoginAsync(alice.Username);
        await using var first = await SseStream.OpenAsync(Server, alice.Token);
        await using var firstAgain = await SseStream.OpenAsync(Server, alice.Token);
        await using var second = await SseStream.OpenAsync(Server, other.Token);

        using var logout = await Server.Spec.PostAsync("/api/v1/logout", token: alice.Token);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        await first.AssertEndsAsync(Promptly);
        await firstAgain.AssertEndsAsync(Promptly);
        await AssertStillDeliveringAsync(second, alice);
        var reconnect = await Server.Spec.GetAsync("/api/v1/events", alice.Token);
        await SpecClient.AssertErrorAsync(reconnect, HttpStatusCode.Unauthorized, ErrorCode.AuthTokenExpired);
    }

    [Fact]
    public async Task Password_change_closes_every_stream_of_the_user_and_no_one_elses()
    {
        var (alice, bob) = (await Server.Spec.NewUserAsync("alice"), await Server.Spec.NewUserAsync("bob"));
        var other = await Server.Spec.LoginAsync(alice.Username);
        await using var first = await SseStream.OpenAsync(Server, alice.Token);
        await using var second = await SseStream.OpenAsync(Server, other.Token);
        await using var bobStream = await SseStream.OpenAsync(Server, bob.Token);

        using var change = await Server.Spec.PostAsync("/api/v1/change-password",
            new ChangePasswordRequest { CurrentPassword = "password123", NewPassword = "password456" }, alice.Token);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        await first.AssertEndsAsync(Promptly);
        await second.AssertEndsAsync(Promptly);
        await AssertStillDeliveringAsync(bobStream, bob);
    }

    [Fact]
    public async Task Account_deletion_closes_every_stream_of_the_user_and_no_one_elses()
    {
        var (alice, bob) = (await Server.Spec.NewUserAsync("alice"), await Server.Spec.NewUserAsync("bob"));
        var other = await Server.Spec.LoginAsync(alice.Username);
        await using var first = await SseStream.OpenAsync(Server, alice.Token);
        await using var second = await SseStream.OpenAsync(Server, other.Token);
        await using var bobStream = await SseStream.OpenAsync(Server, bob.Token);

        using var delete = await Server.Spec.PostAsync("/api/v1/delete-account", new DeleteAccountRequest { Password = "password123" }, alice.Token);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);

        await first.AssertEndsAsync(Promptly);
        await second.AssertEndsAsync(Promptly);
        await AssertStillDeliveringAsync(bobStream, bob);
    }

    [Fact]
    public async Task A_failed_password_change_closes_nothing()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(Server, alice.Token);

        using var change = await Server.Spec.PostAsync("/api/v1/change-password",
            new ChangePasswordRequest { CurrentPassword = "wrong-password", NewPassword = "password456" }, alice.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, change.StatusCode);

        await AssertStillDeliveringAsync(stream, alice);
    }

    [Fact]
    public async Task Logout_ends_a_grpc_subscription_of_that_session()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        using var call = new EventsRpc.EventsClient(Server.Channel).Subscribe(new Empty(), new Metadata { { "Authorization", $"Bearer {alice.Token}" } });
        await call.ResponseHeadersAsync.WaitAsync(SseStream.Patience);

        using var logout = await Server.Spec.PostAsync("/api/v1/logout", token: alice.Token);

        using var patience = new CancellationTokenSource(Promptly);
        Assert.False(await call.ResponseStream.MoveNext(patience.Token));
    }

    private async Task AssertStillDeliveringAsync(SseStream stream, TestUser user)
    {
        var marker = GroupId.New();
        Sink.Publish(new GroupDeletedEvent(marker), [new UserId(user.Guid)]);
        Assert.Equal(marker.Value, new Guid((await stream.NextEventAsync()).GroupDeleted.GroupId.Span, bigEndian: true));
    }
}
