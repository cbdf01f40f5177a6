using System.Net;
using Conclave.Application.Common.Security;
using Conclave.Application.Common.Settings;

namespace Conclave.Api.Configuration;

/// <summary>The server's configuration: the spec's fields (server-configuration.md) plus ours, already validated.</summary>
public sealed record ServerConfig
{
    public string ListenAddress { get; init; } = "0.0.0.0";
    /// <summary>Null means the default: 8443 with TLS, 8080 without.</summary>
    public int? ListenPort { get; init; }
    /// <summary>HTTP/2-only port for gRPC in plain mode (with TLS gRPC shares the main port).</summary>
    public int GrpcPort { get; init; } = 8081;
    public string DatabasePath { get; init; } = "conclave.db";
    public long TokenTtlSeconds { get; init; } = 2_592_000;
    public long InviteTtlSeconds { get; init; } = 2_592_000;
    public string MessageRetention { get; init; } = "-1";
    public string CleanupInterval { get; init; } = "1h";
    public string AuthHeader { get; init; } = "Authorization";
    public bool RegistrationEnabled { get; init; } = true;
    public string? RegistrationToken { get; init; }
    public string? TlsCertPath { get; init; }
    public string? TlsKeyPath { get; init; }
    // Abuse limits (CLARIFICATIONS decision 11, §4.7): 0 means unlimited, exactly, with no exemption for any address.
    /// <summary>Registrations per client address per rolling minute.</summary>
    public long RegisterLimitPerMinute { get; init; } = 10;
    /// <summary>Failed logins per rolling minute, counted per client address and, separately, per username.</summary>
    public long LoginFailureLimitPerMinute { get; init; } = 20;
    /// <summary>Open event streams per user.</summary>
    public long EventStreamsPerUser { get; init; } = 16;
    /// <summary>Peers whose X-Forwarded-For names the client (IP addresses or CIDR networks); empty: the socket peer is the client.</summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];
    /// <summary>trace, debug, info, warning (the default, as the reference), error, critical or none.</summary>
    public string LogLevel { get; init; } = "warning";
    /// <summary>"text" (one line per entry) or "json" (one JSON object per line).</summary>
    public string LogFormat { get; init; } = "text";
    /// <summary>Serves the Prometheus scrape endpoint GET /metrics.</summary>
    public bool MetricsEnabled { get; init; }
    /// <summary>The folder of plugins (one subfolder each); null means "plugins" beside the database file.</summary>
    public string? PluginsPath { get; init; }
    /// <summary>Serves gRPC server reflection (v1 and v1alpha), so tools such as grpcurl find the services without the protos.</summary>
    public bool GrpcReflectionEnabled { get; init; }
    /// <summary>Serves the OpenAPI document of the JSON surface at GET /openapi/v1.json.</summary>
    public bool OpenApiEnabled { get; init; }

    /// <summary>The full path of the file the configuration was read from; null when no file was (built-in defaults).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The log level as a level, or null when log_level names none.</summary>
    public LogLevel? MinimumLogLevel => LogLevels.Parse(LogLevel);

    /// <summary>plugins_path, or the folder "plugins" next to the database.</summary>
    public string EffectivePluginsPath => PluginsPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DatabasePath))!, "plugins");

    public bool TlsEnabled => TlsCertPath is not null && TlsKeyPath is not null;
    public int EffectiveListenPort => ListenPort ?? (TlsEnabled ? 8443 : 8080);

    /// <summary>The listen address as an IP address (IPv6 may be bracketed, "[::1]"), or null when it is not one.</summary>
    public IPAddress? ListenIpAddress => IPAddress.TryParse(ListenAddress.Trim('[', ']'), out var address) ? address : null;

    /// <summary>trusted_proxies as networks; a bare address is a network of one (the validator has accepted every entry).</summary>
    public IEnumerable<IPNetwork> TrustedProxyNetworks => TrustedProxies.Select(entry => ParseProxy(entry)!.Value);

    /// <summary>An IP address or a CIDR network ("10.0.0.0/8"), or null for anything else.</summary>
    public static IPNetwork? ParseProxy(string entry) =>
        IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
        : IPNetwork.TryParse(entry, out var network) ? network
        : null;

    /// <summary>The values the use cases need, durations parsed (the validator has accepted them).</summary>
    public ServerSettings ToSettings() => new()
    {
        TokenTtlSeconds = TokenTtlSeconds,
        InviteTtlSeconds = InviteTtlSeconds,
        MessageRetentionSeconds = Seconds(MessageRetention),
        CleanupIntervalSeconds = Math.Max(1, Seconds(CleanupInterval)),
        RegistrationEnabled = RegistrationEnabled,
        RegistrationToken = RegistrationToken,
        RegisterLimitPerMinute = RegisterLimitPerMinute,
        LoginFailureLimitPerMinute = LoginFailureLimitPerMinute,
    };

    private bool PrintMembers(System.Text.StringBuilder builder) => SecretText.PrintMembers(this, builder);

    private static long Seconds(string duration) => DurationFormat.TryParse(duration, out var seconds, out _) ? seconds : -1;
}
