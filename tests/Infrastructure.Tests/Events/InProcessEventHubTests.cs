using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;
using Conclave.Infrastructure.Events;

namespace Conclave.Infrastructure.Tests.Events;

public sealed class InProcessEventHubTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New(), Carol = UserId.New();
    private readonly InProcessEventHub _hub = new(capacity: 4);

    [Fact]
    public void Each_recipient_stream_gets_the_event_once_and_other_users_nothing()
    {
        using var alice = _hub.Subscribe(Alice, "a");
        using var bob = _hub.Subscribe(Bob, "b");
        using var carol = _hub.Subscribe(Carol, "c");
        var deleted = new GroupDeletedEvent(GroupId.New());

        _hub.Publish(deleted, [Alice, Bob, Alice]);

        Assert.Equal([deleted], Drain(alice));
        Assert.Equal([deleted], Drain(bob));
        Assert.Empty(Drain(carol));
    }

    [Fact]
    public void Open_sessions_are_listed_once_each_while_a_stream_of_theirs_is_open()
    {
        using var phone = _hub.Subscribe(Alice, "phone");
        using var laptop = _hub.Subscribe(Alice, "laptop");
        using var laptopAgain = _hub.Subscribe(Alice, "laptop");
        var bob = _hub.Subscribe(Bob, "b");
        bob.Dispose();

        Assert.Equal([(Alice, "laptop"), (Alice, "phone")], _hub.OpenSessions().OrderBy(s => s.TokenHash, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_stream_of_a_user_gets_every_event_in_order()
    {
        using var phone = _hub.Subscribe(Alice, "phone");
        using var laptop = _hub.Subscribe(Alice, "laptop");
        using var sameSessionAgain = _hub.Subscribe(Alice, "laptop");
        var events = Enumerable.Range(1, 3).Select(n => new NewMessageEvent(GroupId.New(), n, Bob)).ToList();

        events.ForEach(e => _hub.Publish(e, [Alice]));

        Assert.Equal(events, Drain(phone));
        Assert.Equal(events, Drain(laptop));
        Assert.Equal(events, Drain(sameSessionAgain));
    }

    [Fact]
    public void A_full_buffer_drops_the_oldest_and_reports_the_count_before_the_next_event()
    {
        using var alice = _hub.Subscribe(Alice, "a");
        var events = Enumerable.Range(1, 7).Select(n => new NewMessageEvent(GroupId.New(), n, Bob)).ToList();

        events.ForEach(e => _hub.Publish(e, [Alice]));

        Assert.True(alice.TryRead(out var lag));
        Assert.Equal(EventDelivery.Lagged(3), lag);
        Assert.Equal(events[3..], Drain(alice));
        _hub.Publish(events[0], [Alice]);
        Assert.Equal([events[0]], Drain(alice)); // the stream goes on, with no further lag notice
    }

    [Fact]
    public void Ending_a_session_ends_its_streams_and_leaves_the_users_other_sessions_open()
    {
        using var first = _hub.Subscribe(Alice, "first");
        using var firstAgain = _hub.Subscribe(Alice, "first");
        using var second = _hub.Subscribe(Alice, "second");

        _hub.EndSessionStreams(Alice, "first");

        Assert.True(first.Ended.IsCancellationRequested);
        Assert.True(firstAgain.Ended.IsCancellationRequested);
        Assert.False(second.Ended.IsCancellationRequested);
        var update = new GroupUpdateEvent(GroupId.New(), GroupUpdateKind.Commit);
        _hub.Publish(update, [Alice]);
        Assert.Empty(Drain(first));
        Assert.Equal([update], Drain(second));
    }

    [Fact]
    public void Ending_a_user_ends_all_of_its_streams_and_no_one_elses()
    {
        using var first = _hub.Subscribe(Alice, "first");
        using var second = _hub.Subscribe(Alice, "second");
        using var bob = _hub.Subscribe(Bob, "b");

        _hub.EndUserStreams(Alice);

        Assert.True(first.Ended.IsCancellationRequested);
        Assert.True(second.Ended.IsCancellationRequested);
        Assert.False(bob.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task A_waiting_reader_wakes_for_an_event_for_its_end_and_for_its_token()
    {
        using var alice = _hub.Subscribe(Alice, "a");

        var waiting = alice.WaitToReadAsync(default).AsTask();
        Assert.False(waiting.IsCompleted);
        _hub.Publish(new InviteCancelledEvent(GroupId.New()), [Alice]);
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Drain(alice);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.False(await alice.WaitToReadAsync(timeout.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        waiting = alice.WaitToReadAsync(default).AsTask();
        _hub.EndUserStreams(Alice);
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Disposed_subscriptions_leave_nothing_behind_even_when_opened_and_closed_concurrently()
    {
        var users = new[] { Alice, Bob, Carol };
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                using var subscription = _hub.Subscribe(users[(worker + i) % users.Length], "s");
                _hub.Publish(new GroupDeletedEvent(GroupId.New()), users);
            }
        })));

        Assert.Equal(0, _hub.OpenSubscriptions);
        using var late = _hub.Subscribe(Alice, "late");
        Assert.Equal(1, _hub.OpenSubscriptions);
        _hub.Publish(new GroupDeletedEvent(GroupId.New()), [Alice]);
        Assert.Single(Drain(late));
    }

    private static List<RealtimeEvent> Drain(IEventSubscription subscription)
    {
        var events = new List<RealtimeEvent>();
        while (subscription.TryRead(out var delivery))
        {
            Assert.Equal(0, delivery.Dropped);
            events.Add(delivery.Event!);
        }
        return events;
    }
}
