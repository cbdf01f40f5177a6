using System.Text;
using Conclave.Application.Common.Security;

namespace Conclave.Application.Common.Settings;

/// <summary>The configuration values the use cases depend on (spec server-configuration.md).</summary>
public sealed record ServerSettings
{
    public long TokenTtlSeconds { get; init; } = 2_592_000;
    public long InviteTtlSeconds { get; init; } = 2_592_000;
    /// <summary>-1 disabled, 0 delete-after-fetch, otherwise seconds.</summary>
    public long MessageRetentionSeconds { get; init; } = -1;
    /// <summary>Seconds between cleanup runs; "0" and "-1" in the configuration mean every second (C48).</summary>
    public long CleanupIntervalSeconds { get; init; } = 3_600;
    public bool RegistrationEnabled { get; init; } = true;
    public string? RegistrationToken { get; init; }
    /// <summary>Registration requests per client address per rolling minute; 0 is unlimited.</summary>
    public long RegisterLimitPerMinute { get; init; } = 10;
    /// <summary>Failed logins per client address per rolling minute; 0 is unlimited.</summary>
    public long LoginFailureLimitPerMinute { get; init; } = 20;

    private bool PrintMembers(StringBuilder builder) => SecretText.PrintMembers(this, builder);
}
