using Conclave.Api.Abuse;
using Conclave.Api.Configuration;
using Conclave.Domain.Common;

namespace Conclave.Api.UnitTests.Abuse;

// event_streams_per_user (CLARIFICATIONS decision 11, §4.7): open streams per user; 0 unlimited.
public sealed class EventStreamLimitTests
{
    private static readonly UserId Alice = UserId.New(), Bob = UserId.New();

    [Fact]
    public void The_limit_of_streams_opens_and_the_next_is_refused_with_a_message_naming_it()
    {
        var limit = new EventStreamLimit(new ServerConfig { EventStreamsPerUser = 2 });
        limit.Open(Alice);
        limit.Open(Alice);

        var refusal = Assert.Throws<DomainException>(() => limit.Open(Alice));

        Assert.Equal(DomainError.RateLimited, refusal.Error);
        Assert.Equal("rate limit exceeded: at most 2 open event streams per user", refusal.Message);
        limit.Open(Bob); // each user has their own places
    }

    [Fact]
    public void A_closed_stream_gives_its_place_back_once()
    {
        var limit = new EventStreamLimit(new ServerConfig { EventStreamsPerUser = 2 });
        var first = limit.Open(Alice);
        limit.Open(Alice);

        first.Dispose();
        first.Dispose();

        limit.Open(Alice);
        Assert.Throws<DomainException>(() => limit.Open(Alice));
    }

    [Fact]
    public void Users_without_open_streams_are_forgotten()
    {
        var limit = new EventStreamLimit(new ServerConfig { EventStreamsPerUser = 3 });
        var places = Enumerable.Range(0, 3).Select(_ => limit.Open(Alice)).Append(limit.Open(Bob)).ToList();
        Assert.Equal(2, limit.TrackedUsers);

        places.ForEach(place => place.Dispose());

        Assert.Equal(0, limit.TrackedUsers);
    }

    [Fact]
    public void Zero_is_unlimited()
    {
        var limit = new EventStreamLimit(new ServerConfig { EventStreamsPerUser = 0 });

        for (var i = 0; i < 1_000; i++) limit.Open(Alice);

        Assert.Equal(0, limit.TrackedUsers);
    }

    [Fact]
    public async Task Parallel_opens_cannot_overrun_the_limit()
    {
        var limit = new EventStreamLimit(new ServerConfig { EventStreamsPerUser = 16 });
        using var start = new ManualResetEventSlim();
        var opens = Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
        {
            start.Wait();
            try { limit.Open(Alice); return true; }
            catch (DomainException) { return false; }
        })).ToList();

        start.Set();

        Assert.Equal(16, (await Task.WhenAll(opens)).Count(opened => opened));
    }
}
