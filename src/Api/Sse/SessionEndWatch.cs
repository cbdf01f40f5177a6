using Conclave.Application.Common.Events;
using Conclave.Application.Common.Security;

namespace Conclave.Api.Sse;

/// <summary>
/// Ends the open streams whose sessions ended in another process (an admin command's reset-password, delete or
/// sign-out; another server on the same database): when <see cref="ISessionEndings"/> has an announcement, the session
/// of every open stream is read again, and the streams of those gone or expired end, within about one
/// <see cref="EventStreamOptions.SessionEndCheckInterval"/>. This process's own endings close their streams at once
/// (the EndStreams handlers); an expiry is caught by the stream itself (<see cref="EventPump"/>).
/// </summary>
public sealed class SessionEndWatch(
    ISessionEndings endings, IEventStream streams, IEventSink sink, SessionAuthenticator sessions, EventStreamOptions options,
    ILogger<SessionEndWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heard = endings.Mark;
        using var timer = new PeriodicTimer(options.SessionEndCheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var mark = endings.Mark;
            if (mark == heard) continue;
            try
            {
                await EndStreamsOfEndedSessionsAsync(stoppingToken);
                heard = mark; // only once checked: a failed check is tried again at the next tick
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("could not re-check the sessions of the open event streams: {Error}", exception.Message);
            }
        }
    }

    private async Task EndStreamsOfEndedSessionsAsync(CancellationToken cancellationToken)
    {
        foreach (var (user, tokenHash) in streams.OpenSessions())
        {
            if (await sessions.ValidUntilAsync(tokenHash, cancellationToken) is null) sink.EndSessionStreams(user, tokenHash);
        }
    }
}
