using Conclave.Application.Common.Events.Realtime;
using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events;

/// <summary>The publishing side of the internal event stream. Calls never block on slow readers.</summary>
public interface IEventSink
{
    /// <summary>Queues <paramref name="realtimeEvent"/> once on every open stream of each recipient, in call order.</summary>
    void Publish(RealtimeEvent realtimeEvent, IReadOnlyCollection<UserId> recipients);

    /// <summary>Ends the open streams opened with one session (its token hash); the user's other streams stay.</summary>
    void EndSessionStreams(UserId user, string tokenHash);

    /// <summary>Ends every open stream of the user, whatever session opened it.</summary>
    void EndUserStreams(UserId user);
}
