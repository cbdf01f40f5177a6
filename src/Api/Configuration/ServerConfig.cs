using System.Net;
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

    public bool TlsEnabled => TlsCertPath is not null && TlsKeyPath is not null;
    public int EffectiveListenPort => ListenPort ?? (TlsEnabled ? 8443 : 8080);

    /// <summary>The listen address as an IP address (IPv6 may be bracketed, "[::1]"), or null when it is not one.</summary>
    public IPAddress? ListenIpAddress => IPAddress.TryParse(ListenAddress.Trim('[', ']'), out var address) ? address : null;

    /// <summary>The values the use cases need, durations parsed (the validator has accepted them).</summary>
    public ServerSettings ToSettings() => new()
    {
        TokenTtlSeconds = TokenTtlSeconds,
        InviteTtlSeconds = InviteTtlSeconds,
        MessageRetentionSeconds = Seconds(MessageRetention),
        CleanupIntervalSeconds = Math.Max(1, Seconds(CleanupInterval)),
        RegistrationEnabled = RegistrationEnabled,
        RegistrationToken = RegistrationToken,
    };

    private static long Seconds(string duration) => DurationFormat.TryParse(duration, out var seconds, out _) ? seconds : -1;
}
