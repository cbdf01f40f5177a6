namespace Conclave.Application.Plugins;

/// <summary>The bounds on plugin notification handlers (fixed for the server; the tests shorten them).</summary>
public sealed record PluginDispatchOptions
{
    /// <summary>Events waiting per handler; beyond it new events are dropped for that handler, counted and logged.</summary>
    public int QueueCapacity { get; init; } = 10_000;

    /// <summary>How long one call may take before it is abandoned (its token is cancelled first).</summary>
    public TimeSpan HandlerTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long shutdown waits for queued events to be delivered.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
