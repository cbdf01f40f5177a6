using System.Globalization;

namespace Conclave.Api.IntegrationTests.Reliability;

/// <summary>
/// The crash run's size: CONCLAVE_CRASH_KILLS SIGKILLs (default 20) at random moments drawn from
/// CONCLAVE_CRASH_SEED (default fixed, or "random").
/// </summary>
public static class CrashSettings
{
    public const int DefaultKills = 20;

    public static int Kills { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONCLAVE_CRASH_KILLS"),
        NumberStyles.None, CultureInfo.InvariantCulture, out var kills) && kills > 0 ? kills : DefaultKills;

    public static int Seed { get; } = Environment.GetEnvironmentVariable("CONCLAVE_CRASH_SEED") switch
    {
        "random" => Random.Shared.Next(),
        { } text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) => seed,
        _ => 20_261_127,
    };

    /// <summary>How long the workload runs, once it flows, before the kill.</summary>
    public static TimeSpan KillAfter(Random random) => TimeSpan.FromMilliseconds(random.Next(0, 700));
}
