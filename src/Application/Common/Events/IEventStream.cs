using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events;

/// <summary>The reading side of the internal event stream: one subscription per open SSE or gRPC stream.</summary>
public interface IEventStream
{
    /// <summary>Starts receiving what is published for <paramref name="user"/>; dispose the subscription to stop.</summary>
    IEventSubscription Subscribe(UserId user, string tokenHash);

    /// <summary>The sessions that have a subscription open now, each once.</summary>
    IReadOnlyList<(UserId User, string TokenHash)> OpenSessions();

    /// <summary>How many subscriptions are open.</summary>
    int OpenSubscriptions { get; }
}
