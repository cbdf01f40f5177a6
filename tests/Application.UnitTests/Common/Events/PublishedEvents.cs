using Conclave.Application.Common.Events;
using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;
using NSubstitute;

namespace Conclave.Application.UnitTests.Common.Events;

/// <summary>What a substitute <see cref="IEventSink"/> was asked to publish, in call order.</summary>
public static class PublishedEvents
{
    public static List<(RealtimeEvent Event, UserId[] Recipients)> Of(IEventSink sink) =>
        sink.ReceivedCalls()
            .Where(call => call.GetMethodInfo().Name == nameof(IEventSink.Publish))
            .Select(call => ((RealtimeEvent)call.GetArguments()[0]!, ((IReadOnlyCollection<UserId>)call.GetArguments()[1]!).ToArray()))
            .ToList();

    /// <summary>Asserts exactly one publication: this event, to exactly these users (in any order, each once).</summary>
    public static void AssertSingle(IEventSink sink, RealtimeEvent expected, params UserId[] recipients)
    {
        var (published, to) = Assert.Single(Of(sink));
        Assert.Equal(expected, published);
        AssertRecipients(recipients, to);
    }

    public static void AssertRecipients(UserId[] expected, UserId[] actual)
    {
        Assert.Equal(actual.Length, actual.Distinct().Count());
        Assert.Equal(expected.OrderBy(u => u.Value), actual.OrderBy(u => u.Value));
    }
}
