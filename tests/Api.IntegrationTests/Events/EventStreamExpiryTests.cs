using Conclave.Api.IntegrationTests.Support;
using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using GroupDeletedEvent = Conclave.Application.Common.Events.Realtime.GroupDeletedEvent;

namespace Conclave.Api.IntegrationTests.Events;

// CLARIFICATIONS §8.5: a stream does not extend its session and ends within a few seconds after it expires; any
// other use of the session extends it, and the stream with it.
public sealed class EventStreamExpiryTests
{
    [Fact]
    public async Task An_idle_stream_ends_when_its_session_expires()
    {
        // TTL 3 s: the session expires more than 2 s after its login, so a slow open still leaves the stream > 0.5 s.
        await using var server = await TestServer.StartAsync(c => c with { TokenTtlSeconds = 3 });
        var alice = await server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(server, alice.Token);

        var lasted = await stream.AssertEndsAsync(TimeSpan.FromSeconds(8));

        Assert.True(lasted > TimeSpan.FromMilliseconds(500), $"ended after {lasted}, before the session expired");
    }

    [Fact]
    public async Task Using_the_session_elsewhere_keeps_its_stream_open_past_the_first_expiry()
    {
        // TTL 6 s. The expiry known at connect is at most 6 s after the login; the slide 3 s later moves it to more
        // than 8 s; the event goes out 3.5 s after the slide: past the first, with 1.5 s to spare before the second.
        await using var server = await TestServer.StartAsync(c => c with { TokenTtlSeconds = 6 });
        var alice = await server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(server, alice.Token);

        await Task.Delay(TimeSpan.FromSeconds(3));
        using var me = await server.Spec.GetAsync("/api/v1/me", alice.Token);
        Assert.True(me.IsSuccessStatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        var marker = GroupId.New();
        server.Services.GetRequiredService<IEventSink>().Publish(new GroupDeletedEvent(marker), [new UserId(alice.Guid)]);
        Assert.Equal(marker.Value, new Guid((await stream.NextEventAsync()).GroupDeleted.GroupId.Span, bigEndian: true));
        await stream.AssertEndsAsync(TimeSpan.FromSeconds(8));
    }
}
