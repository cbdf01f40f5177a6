using System.Diagnostics;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Api.Sse;
using Conclave.Application.Common.Events;
using Conclave.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using GroupDeletedEvent = Conclave.Application.Common.Events.Realtime.GroupDeletedEvent;

namespace Conclave.Api.IntegrationTests.Events;

// CLARIFICATIONS §8.2: ":\n\n" whenever the interval (15 s, shortened here) passes without a frame on the connection.
public sealed class EventStreamKeepAliveTests : IAsyncLifetime
{
    // The lower bounds below are half the interval: a frame read late on a loaded machine shortens the next gap seen.
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(customize: builder =>
        builder.Services.AddSingleton(new EventStreamOptions { KeepAliveInterval = Interval }));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_idle_stream_gets_a_bare_comment_after_the_interval_and_again_after_each_interval()
    {
        var alice = await _server.Spec.NewUserAsync("alice");
        var opened = Stopwatch.StartNew();
        await using var stream = await SseStream.OpenAsync(_server, alice.Token);

        Assert.Equal(":", await stream.NextFrameAsync());
        Assert.True(opened.Elapsed >= Interval / 2, $"first keep-alive after {opened.Elapsed}");
        var sinceFirst = Stopwatch.StartNew();
        Assert.Equal(":", await stream.NextFrameAsync());
        Assert.True(sinceFirst.Elapsed >= Interval / 2, $"second keep-alive {sinceFirst.Elapsed} after the first");
    }

    [Fact]
    public async Task Events_reset_the_keep_alive_timer()
    {
        var alice = await _server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(_server, alice.Token);
        var sink = _server.Services.GetRequiredService<IEventSink>();

        for (var i = 0; i < 8; i++)
        {
            await Task.Delay(Interval / 4);
            sink.Publish(new GroupDeletedEvent(GroupId.New()), [new UserId(alice.Guid)]);
            Assert.StartsWith("data: ", await stream.NextFrameAsync(), StringComparison.Ordinal);
        }
        var quiet = Stopwatch.StartNew();
        Assert.Equal(":", await stream.NextFrameAsync());
        Assert.True(quiet.Elapsed >= Interval / 2, $"keep-alive {quiet.Elapsed} after the last event");
    }
}
