using Conclave.Application.Common.Events;
using Conclave.Domain.Common;

namespace Conclave.Api.Sse;

/// <summary>A subscription that gives its place under event_streams_per_user back when it is disposed.</summary>
internal sealed class LimitedSubscription(IEventSubscription inner, IDisposable place) : IEventSubscription
{
    public UserId User => inner.User;

    public CancellationToken Ended => inner.Ended;

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => inner.WaitToReadAsync(cancellationToken);

    public bool TryRead(out EventDelivery delivery) => inner.TryRead(out delivery);

    public void Dispose()
    {
        inner.Dispose();
        place.Dispose();
    }
}
