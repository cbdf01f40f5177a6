namespace Conclave.Api.Sse;

/// <summary>Internal tuning of the event streams (not configuration: tests shorten the keep-alive).</summary>
public sealed record EventStreamOptions
{
    /// <summary>A ":" comment after this long without a frame on an SSE connection (CLARIFICATIONS §8.2: axum's 15 s).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often <see cref="SessionEndWatch"/> looks for sessions another process ended.</summary>
    public TimeSpan SessionEndCheckInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
