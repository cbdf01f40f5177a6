using System.Globalization;

namespace Conclave.Api.IntegrationTests.Reliability.PowerLoss;

/// <summary>
/// The power-loss run's size: CONCLAVE_POWERLOSS_KILLS power losses (default 3) after the cast's life, each once the
/// life has acknowledged at least <see cref="MessagesPerLife"/> messages; the kill moments are drawn from
/// CONCLAVE_CRASH_SEED as in the crash run.
/// </summary>
public static class PowerLossSettings
{
    public const int DefaultKills = 3;
    public const int MessagesPerLife = 20;

    public static int Kills { get; } = int.TryParse(Environment.GetEnvironmentVariable("CONCLAVE_POWERLOSS_KILLS"),
        NumberStyles.None, CultureInfo.InvariantCulture, out var kills) && kills > 0 ? kills : DefaultKills;
}
