namespace Conclave.Application.Messages.Queries.GetMessages;

// CLARIFICATIONS §7.3: after defaults to 0 and a negative one acts as 0; limit defaults to 100 and is capped at 500,
// 0 returns nothing, and a negative limit is the cap, never "everything" (decision 6).
public static class FetchWindow
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static long After(long? after) => Math.Max(after ?? 0, 0);

    public static int Limit(long? limit) => limit switch
    {
        null => DefaultLimit,
        < 0 or > MaxLimit => MaxLimit,
        { } value => (int)value,
    };
}
