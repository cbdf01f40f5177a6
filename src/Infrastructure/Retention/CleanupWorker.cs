using Conclave.Application.Common.Settings;
using Conclave.Application.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conclave.Infrastructure.Retention;

/// <summary>Runs the cleanup at start-up and then every cleanup_interval; a failed run never stops the server.</summary>
internal sealed class CleanupWorker(IServiceScopeFactory scopes, ServerSettings settings, TimeProvider clock, ILogger<CleanupWorker> logger)
    : BackgroundService
{
    // Timers take at most ~49.7 days; longer intervals ("1y" is valid configuration) are waited out in steps.
    private static readonly TimeSpan LongestStep = TimeSpan.FromDays(49);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(settings.CleanupIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            for (var remaining = interval; remaining > TimeSpan.Zero; remaining -= LongestStep)
                await Task.Delay(remaining < LongestStep ? remaining : LongestStep, clock, stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<CleanupRun>().ExecuteAsync(stoppingToken);
            logger.LogDebug("Cleanup deleted {Sessions} sessions, {Invites} invites, {Messages} messages", report.Sessions, report.Invites, report.Messages);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Cleanup run failed; it runs again next interval");
        }
    }
}
