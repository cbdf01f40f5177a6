namespace Conclave.Domain.Messages;

/// <summary>Retention rules shared by sending, fetching and cleanup (spec retention/overview.md).</summary>
public static class RetentionPolicy
{
    /// <summary>
    /// Whether a group deletes its messages once every member has fetched them, so that sends and fetches must
    /// record watermarks: its own expiry is 0, or the server's retention is 0 for every group (CLARIFICATIONS decision 5).
    /// </summary>
    public static bool DeletesAfterFetch(long groupExpirySeconds, long serverRetentionSeconds) =>
        groupExpirySeconds == 0 || serverRetentionSeconds == 0;
}
