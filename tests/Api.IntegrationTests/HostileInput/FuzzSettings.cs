using System.Globalization;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>
/// How much the hostile-input tests try. CI uses the defaults (a fixed seed, so a run is reproducible); longer
/// local runs raise CONCLAVE_FUZZ_INPUTS_PER_ROUTE and set CONCLAVE_FUZZ_SEED to a number or to "random".
/// </summary>
public static class FuzzSettings
{
    public const int DefaultInputsPerRoute = 120;
    public const ulong DefaultSeed = 20_261_127;

    public static int InputsPerRoute { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONCLAVE_FUZZ_INPUTS_PER_ROUTE"),
        NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 ? count : DefaultInputsPerRoute;

    public static ulong Seed { get; } = Environment.GetEnvironmentVariable("CONCLAVE_FUZZ_SEED") switch
    {
        "random" => (ulong)Random.Shared.NextInt64(),
        { } text when ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) => seed,
        _ => DefaultSeed,
    };

    /// <summary>No single request may take longer: beyond it the server counts as hung.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);
}
