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
        await using var server = await TestServer.StartAsync(c => c with { TokenTtlSeconds = 2 });
        var alice = await server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(server, alice.Token);

        var lasted = await stream.AssertEndsAsync(TimeSpan.FromSeconds(6));

        Assert.True(lasted > TimeSpan.FromMilliseconds(500), $"ended after {lasted}, before the session expired");
    }

    [Fact]
    public async Task Using_the_session_elsewhere_keeps_its_stream_open_past_the_first_expiry()
    {
        await using var server = await TestServer.StartAsync(c => c with { TokenTtlSeconds = 4 });
        var alice = await server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(server, alice.Token);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using var me = await server.Spec.GetAsync("/api/v1/me", alice.Token); // slides the expiry to ≥ 4.5 s after the connect
        Assert.True(me.IsSuccessStatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.7)); // past the expiry known at connect (≤ 4 s after it)

        var marker = GroupId.New();
        server.Services.GetRequiredService<IEventSink>().Publish(new GroupDeletedEvent(marker), [new UserId(alice.Guid)]);
        Assert.Equal(marker.Value, new Guid((await stream.NextEventAsync()).GroupDeleted.GroupId.Span, bigEndian: true));
        await stream.AssertEndsAsync(TimeSpan.FromSeconds(6));
    }
}
