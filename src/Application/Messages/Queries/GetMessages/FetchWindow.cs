namespace Conclave.Application.Messages.Queries.GetMessages;

// CLARIFICATIONS §7.3: after defaults to 0 and a negative one acts as 0; limit defaults to 100 and is capped at 500,
// 0 returns nothing, and a negative limit is the cap, never "everything" (decision 6).
public static class FetchWindow
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    /// <summary>
    /// The content a page cut by size may hold (the JSON and gRPC surfaces, docs/api.md): 3 MiB, so that the encoded
    /// page stays under gRPC's default 4 MiB receive limit. The spec surface's pages are never cut.
    /// </summary>
    public const long MaxPageContentBytes = 3 * 1024 * 1024;

    public static long After(long? after) => Math.Max(after ?? 0, 0);

    public static int Limit(long? limit) => limit switch
    {
        null => DefaultLimit,
        < 0 or > MaxLimit => MaxLimit,
        { } value => (int)value,
    };

    /// <summary>
    /// How many of <paramref name="lengths"/> (the contents' sizes, in page order) a page cut at
    /// <paramref name="maxContentBytes"/> keeps: those whose total fits, and always the first, so that a client
    /// continuing with <c>after</c> = the last number it got never stalls.
    /// </summary>
    public static int Cut(IEnumerable<int> lengths, long maxContentBytes)
    {
        var kept = 0;
        var total = 0L;
        foreach (var length in lengths)
        {
            total += length;
            if (kept > 0 && total > maxContentBytes) break;
            kept++;
        }
        return kept;
    }
}
