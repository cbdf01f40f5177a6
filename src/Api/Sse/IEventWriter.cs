using Conclave.Application.Common.Events.Realtime;

namespace Conclave.Api.Sse;

/// <summary>How one transport puts events on an open stream; writes may be buffered until <see cref="FlushAsync"/>.</summary>
internal interface IEventWriter
{
    /// <summary>Null when the transport keeps an idle connection alive by itself.</summary>
    TimeSpan? KeepAliveInterval { get; }

    ValueTask WriteEventAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken);

    ValueTask WriteLaggedAsync(long dropped, CancellationToken cancellationToken);

    ValueTask WriteKeepAliveAsync(CancellationToken cancellationToken);

    ValueTask FlushAsync(CancellationToken cancellationToken);
}
