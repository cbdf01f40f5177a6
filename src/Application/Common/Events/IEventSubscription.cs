using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events;

/// <summary>
/// One open stream of one user's session. It buffers a bounded number of events; beyond that the oldest are
/// dropped and counted, and the count is read as a lag notice before the next event (CLARIFICATIONS §8.4).
/// </summary>
public interface IEventSubscription : IDisposable
{
    UserId User { get; }

    /// <summary>Cancelled when the server ends the stream (its session was revoked).</summary>
    CancellationToken Ended { get; }

    /// <summary>True when something can be read; false once ended or when <paramref name="cancellationToken"/> fires. Never throws.</summary>
    ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken);

    bool TryRead(out EventDelivery delivery);
}
