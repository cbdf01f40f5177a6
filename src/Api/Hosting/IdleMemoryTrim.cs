using Conclave.Infrastructure;

namespace Conclave.Api.Hosting;

/// <summary>
/// Gives memory back once start-up is done, and again whenever the server has gone quiet after serving requests:
/// first what is kept only to save work while busy (<see cref="IReleasableWhenIdle"/>), then <see cref="MemoryTrim"/>.
/// A busy server is never trimmed: every look that sees a new request starts the quiet period again, and a quiet
/// server is trimmed once, not at every look.
/// </summary>
public sealed partial class IdleMemoryTrim(
    RequestActivity activity, IEnumerable<IReleasableWhenIdle> kept, IdleMemoryTrimOptions options, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    private long _trims;

    /// <summary>How many trims have run.</summary>
    public long Trims => Interlocked.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        // Start-up (the database model, migrations, protobuf descriptors) leaves more garbage than anything after it.
        await WhenStartedAsync(stoppingToken);
        Trim();
        var trimmedAt = activity.Started; // the request count at the last trim
        var seen = trimmedAt;
        var quietSince = clock.GetTimestamp();
        using var timer = new PeriodicTimer(options.Look, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = activity.Started;
            if (now != seen)
            {
                seen = now;
                quietSince = clock.GetTimestamp();
            }
            else if (now != trimmedAt && clock.GetElapsedTime(quietSince) >= options.Quiet)
            {
                Trim();
                trimmedAt = now;
            }
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task;
    }

    private void Trim()
    {
        foreach (var resources in kept) resources.ReleaseIdle();
        var committed = MemoryTrim.Run();
        Interlocked.Increment(ref _trims);
        Trimmed(logger, committed / 1_048_576.0);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Quiet: memory returned; the managed heap now commits {Committed:F1} MiB")]
    private static partial void Trimmed(ILogger logger, double committed);
}

/// <param name="Enabled">Off only in the in-process test servers, where a trim would collect every server of the test run at once.</param>
/// <param name="Quiet">How long without a new request before a trim.</param>
/// <param name="Look">How often the request count is looked at.</param>
public sealed record IdleMemoryTrimOptions(bool Enabled, TimeSpan Quiet, TimeSpan Look)
{
    public static IdleMemoryTrimOptions Default { get; } = new(true, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
}
