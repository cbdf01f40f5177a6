namespace Conclave.Application.Common.Events.Realtime;

/// <summary>
/// What a user is told in real time (spec api/events.md): one case per ServerEvent variant. The transports decide
/// the bytes; the notification handlers decide who is told.
/// </summary>
public abstract record RealtimeEvent;
