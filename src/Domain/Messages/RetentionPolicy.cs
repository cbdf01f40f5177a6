namespace Conclave.Domain.Messages;

/// <summary>
/// How long a group's messages live (spec retention/overview.md, "Effective Expiry Calculation"; CLARIFICATIONS
/// decision 5): -1 kept, 0 deleted once every current member has fetched them, otherwise seconds after creation.
/// </summary>
public static class RetentionPolicy
{
    public const long Disabled = -1;
    public const long DeleteAfterFetch = 0;

    public static long EffectiveExpiry(long serverRetention, long groupExpiry)
    {
        if (serverRetention == DeleteAfterFetch || groupExpiry == DeleteAfterFetch) return DeleteAfterFetch;
        if (serverRetention == Disabled) return groupExpiry;
        if (groupExpiry == Disabled) return serverRetention;
        return Math.Min(serverRetention, groupExpiry);
    }

    /// <summary>
    /// The creation time before which a group's messages have aged out at <paramref name="now"/>, or null when they do
    /// not age: kept, or deleted once fetched instead.
    /// </summary>
    public static long? AgedOutBefore(long serverRetention, long groupExpiry, long now) =>
        EffectiveExpiry(serverRetention, groupExpiry) is > 0 and var expiry ? now - expiry : null;

    /// <summary>
    /// Whether the group deletes its messages once fetched; only then do fetches and sends move the member's watermark.
    /// </summary>
    public static bool TracksWatermarks(long serverRetention, long groupExpiry) =>
        EffectiveExpiry(serverRetention, groupExpiry) == DeleteAfterFetch;

    /// <summary>
    /// A group expiry may not exceed a positive server retention (CLARIFICATIONS C45: no cap while retention is
    /// disabled or delete-after-fetch).
    /// </summary>
    public static bool ExceedsServerRetention(long serverRetention, long groupExpiry) =>
        serverRetention > 0 && groupExpiry > serverRetention;
}
