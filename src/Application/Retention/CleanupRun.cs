using Conclave.Application.Common.Settings;
using Microsoft.Extensions.Logging;

namespace Conclave.Application.Retention;

/// <summary>
/// One cleanup pass (CLARIFICATIONS §7.5 order, effective expiry per decision 5): expired sessions, expired invites,
/// time-based message deletion, then delete-after-fetch. A failing step is logged and the next one still runs.
/// </summary>
public sealed class CleanupRun(IRetentionStore store, ServerSettings settings, TimeProvider clock, ILogger<CleanupRun> logger)
{
    public const int BatchSize = 250;

    public async Task<CleanupReport> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var retention = settings.MessageRetentionSeconds;
        return new CleanupReport(
            await StepAsync("sessions", (batch, ct) => store.DeleteExpiredSessionsAsync(now, batch, ct), cancellationToken),
            await StepAsync("invites", (batch, ct) => store.DeleteInvitesCreatedBeforeAsync(now - settings.InviteTtlSeconds, batch, ct), cancellationToken),
            await StepAsync("aged messages", (batch, ct) => store.DeleteAgedMessagesAsync(now, retention, batch, ct), cancellationToken),
            await StepAsync("fetched messages", (batch, ct) => store.DeleteFetchedMessagesAsync(retention, batch, ct), cancellationToken));
    }

    // Batches until one comes back short; between batches other writers get the lock.
    private async Task<int> StepAsync(string step, Func<int, CancellationToken, Task<int>> deleteBatch, CancellationToken cancellationToken)
    {
        var total = 0;
        try
        {
            int deleted;
            do
            {
                deleted = await deleteBatch(BatchSize, cancellationToken);
                total += deleted;
                await Task.Yield();
            }
            while (deleted == BatchSize && !cancellationToken.IsCancellationRequested);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Cleanup step {Step} failed after deleting {Deleted} rows; it runs again next interval", step, total);
        }
        return total;
    }
}
