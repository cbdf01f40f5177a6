namespace Conclave.Application.Retention;

/// <summary>
/// The cleanup's deletions. Each call deletes at most <c>batchSize</c> rows in one short transaction and returns
/// how many it deleted, so writers are never held up for long.
/// </summary>
public interface IRetentionStore
{
    Task<int> DeleteExpiredSessionsAsync(long now, int batchSize, CancellationToken cancellationToken);
    Task<int> DeleteInvitesCreatedBeforeAsync(long cutoff, int batchSize, CancellationToken cancellationToken);
    /// <summary>Messages older than their group's positive effective expiry.</summary>
    Task<int> DeleteAgedMessagesAsync(long now, long serverRetention, int batchSize, CancellationToken cancellationToken);
    /// <summary>In groups whose effective expiry is 0: messages every current member has fetched (sequence ≤ lowest watermark).</summary>
    Task<int> DeleteFetchedMessagesAsync(long serverRetention, int batchSize, CancellationToken cancellationToken);
}
