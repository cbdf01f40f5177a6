using System.Diagnostics;
using Conclave.Api.IntegrationTests.Support;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;
using EventsRpc = Conclave.Server.V1.Events;
using Conclave.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using GroupDeletedEvent = Conclave.Application.Common.Events.Realtime.GroupDeletedEvent;
using GroupUpdateEvent = Conclave.Application.Common.Events.Realtime.GroupUpdateEvent;
using InviteReceivedEvent = Conclave.Application.Common.Events.Realtime.InviteReceivedEvent;
using NewMessageEvent = Conclave.Application.Common.Events.Realtime.NewMessageEvent;

namespace Conclave.Api.IntegrationTests.Events;

// CLARIFICATIONS §8.3-8.4 and items 149-155: who gets what, on which streams, in which order, and what a slow reader sees.
public sealed class EventStreamRoutingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    private TestServer Server => fixture.Server;
    private IEventSink Sink => Server.Services.GetRequiredService<IEventSink>();

    [Fact]
    public async Task Only_the_recipients_get_an_event()
    {
        var (alice, bob, carol) = (await Server.Spec.NewUserAsync("alice"), await Server.Spec.NewUserAsync("bob"), await Server.Spec.NewUserAsync("carol"));
        await using var aliceStream = await SseStream.OpenAsync(Server, alice.Token);
        await using var bobStream = await SseStream.OpenAsync(Server, bob.Token);
        await using var carolStream = await SseStream.OpenAsync(Server, carol.Token);
        var group = GroupId.New();

        Sink.Publish(new GroupUpdateEvent(group, GroupUpdateKind.RoleChange), [UserOf(alice), UserOf(bob)]);

        var expected = new ServerEvent { GroupUpdate = new() { GroupId = Id(group.Value), UpdateType = GroupUpdateType.RoleChange } };
        Assert.Equal(expected, await aliceStream.NextEventAsync());
        Assert.Equal(expected, await bobStream.NextEventAsync());
        await AssertNothingBeforeAMarkerAsync(carolStream, carol);
    }

    [Fact]
    public async Task Every_stream_of_a_user_gets_every_event()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var laptop = await Server.Spec.LoginAsync(alice.Username);
        await using var phoneStream = await SseStream.OpenAsync(Server, alice.Token);
        await using var laptopStream = await SseStream.OpenAsync(Server, laptop.Token);
        await using var secondLaptopStream = await SseStream.OpenAsync(Server, laptop.Token);
        var groups = Enumerable.Range(0, 3).Select(_ => GroupId.New()).ToList();

        groups.ForEach(g => Sink.Publish(new GroupDeletedEvent(g), [UserOf(alice)]));

        foreach (var stream in new[] { phoneStream, laptopStream, secondLaptopStream })
        {
            foreach (var group in groups) Assert.Equal(Id(group.Value), (await stream.NextEventAsync()).GroupDeleted.GroupId);
        }
    }

    [Fact]
    public async Task Events_arrive_in_the_order_they_were_published()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(Server, alice.Token);
        var group = GroupId.New();

        for (var n = 1; n <= 500; n++) Sink.Publish(new NewMessageEvent(group, n, UserId.New()), [UserOf(alice)]);

        for (var n = 1ul; n <= 500; n++) Assert.Equal(n, (await stream.NextEventAsync()).NewMessage.SequenceNum);
    }

    [Fact]
    public async Task Updating_the_profile_of_a_user_in_no_group_sends_nothing()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        await using var stream = await SseStream.OpenAsync(Server, alice.Token);

        using var response = await Server.Spec.SendAsync(HttpMethod.Patch, "/api/v1/me", new UpdateProfileRequest { Alias = "Alice" }, alice.Token);

        Assert.True(response.IsSuccessStatusCode);
        await AssertNothingBeforeAMarkerAsync(stream, alice);
    }

    [Fact]
    public async Task A_client_that_does_not_read_is_told_how_many_events_it_lost_and_the_stream_goes_on()
    {
        var (slow, healthy) = (await Server.Spec.NewUserAsync("slow"), await Server.Spec.NewUserAsync("healthy"));
        await using var slowStream = await SseStream.OpenAsync(Server, slow.Token, read: false);
        await using var healthyStream = await SseStream.OpenAsync(Server, healthy.Token);
        // Big events fill the socket buffers quickly, so the per-stream buffer (1024 events) has to overflow.
        var bulky = new string('x', 8 * 1024);
        const int published = 3_000;

        var publishing = Stopwatch.StartNew();
        for (var n = 0; n < published; n++)
        {
            Sink.Publish(new InviteReceivedEvent(InviteId.New(), GroupId.New(), $"group{n}", bulky, UserId.New()), [UserOf(slow)]);
            if (n % 30 == 0) Sink.Publish(new NewMessageEvent(GroupId.New(), n, UserId.New()), [UserOf(healthy)]);
        }
        Sink.Publish(new GroupDeletedEvent(GroupId.New()), [UserOf(slow)]);
        publishing.Stop();

        // The sender never waited for the slow reader, and the healthy reader lost nothing.
        Assert.True(publishing.Elapsed < TimeSpan.FromSeconds(10), $"publishing took {publishing.Elapsed}");
        for (var n = 0; n < published; n += 30) Assert.Equal((ulong)n, (await healthyStream.NextEventAsync()).NewMessage.SequenceNum);

        slowStream.StartReading();
        var (received, dropped, eventsAfterALag) = (0, 0L, 0);
        while (true)
        {
            var frame = await slowStream.NextDataFrameAsync();
            if (frame.StartsWith("event: lagged\n", StringComparison.Ordinal))
            {
                Assert.Matches(@"^event: lagged\ndata: [1-9][0-9]*$", frame);
                dropped += long.Parse(frame["event: lagged\ndata: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                eventsAfterALag = 0;
                continue;
            }
            var serverEvent = ServerEvent.Parser.ParseFrom(SseStream.DecodeData(frame));
            eventsAfterALag++;
            if (serverEvent.EventCase == ServerEvent.EventOneofCase.GroupDeleted) break;
            received++;
        }
        Assert.True(dropped > 0, "the slow reader was never told it lagged");
        Assert.True(eventsAfterALag > 1, "no event followed the lag notice");
        Assert.Equal(published, received + dropped);
    }

    [Fact]
    public async Task Grpc_subscribers_receive_the_same_server_events()
    {
        var alice = await Server.Spec.NewUserAsync("alice");
        var events = new EventsRpc.EventsClient(Server.Channel);
        using var call = events.Subscribe(new Empty(), new Metadata { { "Authorization", $"Bearer {alice.Token}" } });
        await call.ResponseHeadersAsync.WaitAsync(SseStream.Patience);
        await using var sseStream = await SseStream.OpenAsync(Server, alice.Token);
        var group = GroupId.New();
        var sender = UserId.New();

        Sink.Publish(new NewMessageEvent(group, 7, sender), [UserOf(alice)]);

        var expected = new ServerEvent { NewMessage = new() { GroupId = Id(group.Value), SequenceNum = 7, SenderId = Id(sender.Value) } };
        using var patience = new CancellationTokenSource(SseStream.Patience);
        Assert.True(await call.ResponseStream.MoveNext(patience.Token));
        Assert.Equal(expected, call.ResponseStream.Current);
        Assert.Equal(expected, await sseStream.NextEventAsync());
    }

    [Fact]
    public async Task A_grpc_subscriber_that_falls_behind_is_ended_with_data_loss()
    {
        var slow = await Server.Spec.NewUserAsync("slow");
        using var call = new EventsRpc.EventsClient(Server.Channel).Subscribe(new Empty(), new Metadata { { "Authorization", $"Bearer {slow.Token}" } });
        await call.ResponseHeadersAsync.WaitAsync(SseStream.Patience);
        var bulky = new string('x', 16 * 1024);

        for (var n = 0; n < 3_000; n++)
            Sink.Publish(new InviteReceivedEvent(InviteId.New(), GroupId.New(), $"group{n}", bulky, UserId.New()), [UserOf(slow)]);

        using var patience = new CancellationTokenSource(SseStream.Patience);
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(patience.Token)) { }
        });
        Assert.Equal(StatusCode.DataLoss, ended.StatusCode);
        Assert.Matches("^lagged: [1-9][0-9]* events were dropped$", ended.Status.Detail);
    }

    [Fact]
    public async Task Grpc_subscribe_without_credentials_is_unauthenticated()
    {
        var events = new EventsRpc.EventsClient(Server.Channel);
        using var call = events.Subscribe(new Empty());

        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    // Absence is shown by a marker published afterwards: it must be the first thing the stream delivers.
    private async Task AssertNothingBeforeAMarkerAsync(SseStream stream, TestUser user)
    {
        await Task.Delay(Grace);
        var marker = GroupId.New();
        Sink.Publish(new GroupDeletedEvent(marker), [UserOf(user)]);
        Assert.Equal(Id(marker.Value), (await stream.NextEventAsync()).GroupDeleted.GroupId);
    }

    private static UserId UserOf(TestUser user) => new(user.Guid);

    private static ByteString Id(Guid value) => ByteString.CopyFrom(value.ToByteArray(bigEndian: true));
}
