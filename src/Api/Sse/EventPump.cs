using Conclave.Api.Abuse;
using Conclave.Api.Errors;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Security;
using Conclave.V1;

namespace Conclave.Api.Sse;

/// <summary>
/// Moves one subscription's events onto one open stream (SSE or gRPC) until the client leaves or the stream's
/// session ends: revoked (the subscription's Ended) or expired (checked when its known expiry passes; the stream
/// itself never extends it). CLARIFICATIONS §8.5 and decision 9.
/// </summary>
public sealed class EventPump(IEventStream stream, EventStreamLimit limit, SessionAuthenticator sessions, TimeProvider clock)
{
    // Timers cannot wait ~50 days; waking earlier only recomputes the next deadline.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>
    /// Subscribes for the session within event_streams_per_user (429 beyond it), then re-checks the session: a
    /// logout that landed in between sent its end signal too early.
    /// </summary>
    public async Task<IEventSubscription> SubscribeAsync(AuthenticatedSession session, CancellationToken cancellationToken)
    {
        var place = limit.Open(session.UserId);
        var subscription = new LimitedSubscription(stream.Subscribe(session.UserId, session.TokenHash), place);
        try
        {
            if (await sessions.ValidUntilAsync(session.TokenHash, cancellationToken) is not null) return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
        subscription.Dispose();
        throw new ApiException(StatusCodes.Status401Unauthorized, ErrorCode.AuthTokenExpired, "invalid or expired token");
    }

    internal async Task RunAsync(IEventSubscription subscription, AuthenticatedSession session, IEventWriter writer, CancellationToken aborted)
    {
        // Writes give up when the session ends; a client that leaves completes them itself (the connection aborts).
        var ended = subscription.Ended;
        var wake = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        long? expiresAt = session.ExpiresAt;
        var lastFrame = clock.GetUtcNow();
        try
        {
            while (expiresAt is { } validUntil && !aborted.IsCancellationRequested && !ended.IsCancellationRequested)
            {
                if (await DrainAsync(subscription, writer, ended)) lastFrame = clock.GetUtcNow();
                var now = clock.GetUtcNow();
                var expiry = DateTimeOffset.FromUnixTimeSeconds(validUntil);
                var keepAliveDue = writer.KeepAliveInterval is { } interval ? lastFrame + interval : DateTimeOffset.MaxValue;
                if (now >= expiry)
                {
                    expiresAt = await sessions.ValidUntilAsync(session.TokenHash, ended);
                }
                else if (now >= keepAliveDue)
                {
                    await writer.WriteKeepAliveAsync(ended);
                    await writer.FlushAsync(ended);
                    lastFrame = now;
                }
                else
                {
                    if (!wake.TryReset())
                    {
                        wake.Dispose();
                        wake = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                    }
                    var deadline = expiry < keepAliveDue ? expiry : keepAliveDue;
                    wake.CancelAfter(deadline - now < LongestWait ? deadline - now : LongestWait);
                    await subscription.WaitToReadAsync(wake.Token); // an event, the end, the client leaving or the deadline
                }
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested || aborted.IsCancellationRequested)
        {
            // the session ended or the client left while a write or a check was pending
        }
        finally
        {
            wake.Dispose();
        }
    }

    private static async Task<bool> DrainAsync(IEventSubscription subscription, IEventWriter writer, CancellationToken cancellationToken)
    {
        var wrote = false;
        while (subscription.TryRead(out var delivery))
        {
            if (delivery.Event is { } realtimeEvent) await writer.WriteEventAsync(realtimeEvent, cancellationToken);
            else await writer.WriteLaggedAsync(delivery.Dropped, cancellationToken);
            wrote = true;
        }
        if (wrote) await writer.FlushAsync(cancellationToken);
        return wrote;
    }
}
