namespace Conclave.Api.Hosting;

/// <summary>Counts requests as they arrive, so that <see cref="IdleMemoryTrim"/> can tell a quiet server from a busy one.</summary>
public sealed class RequestActivity
{
    private long _started;

    public long Started => Interlocked.Read(ref _started);

    public void Arrived() => Interlocked.Increment(ref _started);
}
