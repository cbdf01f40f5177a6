using Conclave.Application.Common.Events.Realtime;

namespace Conclave.Application.Common.Events;

/// <summary>What a subscription yields: an event, or (Event null) the number of events dropped since the last read.</summary>
public readonly record struct EventDelivery(RealtimeEvent? Event, long Dropped)
{
    public static EventDelivery Of(RealtimeEvent realtimeEvent) => new(realtimeEvent, 0);

    public static EventDelivery Lagged(long dropped) => new(null, dropped);
}
