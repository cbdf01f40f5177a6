using System.Globalization;
using System.Text.Json;

namespace Conclave.Api.Configuration;

// Every key the configuration file and CONCLAVE_<FIELD> variables may set, with how to read it.
internal static class ConfigFields
{
    private delegate ServerConfig Apply(ServerConfig config, ConfigValue value);

    private static readonly Dictionary<string, Apply> Fields = new(StringComparer.Ordinal)
    {
        ["listen_address"] = (c, v) => c with { ListenAddress = v.String() },
        ["listen_port"] = (c, v) => c with { ListenPort = v.Port() },
        ["grpc_port"] = (c, v) => c with { GrpcPort = v.Port() },
        ["database_path"] = (c, v) => c with { DatabasePath = v.String() },
        ["token_ttl_seconds"] = (c, v) => c with { TokenTtlSeconds = v.Integer() },
        ["invite_ttl_seconds"] = (c, v) => c with { InviteTtlSeconds = v.Integer() },
        ["message_retention"] = (c, v) => c with { MessageRetention = v.String() },
        ["cleanup_interval"] = (c, v) => c with { CleanupInterval = v.String() },
        ["auth_header"] = (c, v) => c with { AuthHeader = v.String() },
        ["registration_enabled"] = (c, v) => c with { RegistrationEnabled = v.Boolean() },
        ["registration_token"] = (c, v) => c with { RegistrationToken = v.String() },
        ["tls_cert_path"] = (c, v) => c with { TlsCertPath = v.String() },
        ["tls_key_path"] = (c, v) => c with { TlsKeyPath = v.String() },
        ["register_limit_per_minute"] = (c, v) => c with { RegisterLimitPerMinute = v.Integer() },
        ["login_failure_limit_per_minute"] = (c, v) => c with { LoginFailureLimitPerMinute = v.Integer() },
        ["event_streams_per_user"] = (c, v) => c with { EventStreamsPerUser = v.Integer() },
        ["trusted_proxies"] = (c, v) => c with { TrustedProxies = v.StringList() },
        ["log_level"] = (c, v) => c with { LogLevel = v.String() },
        ["log_format"] = (c, v) => c with { LogFormat = v.String() },
        ["metrics_enabled"] = (c, v) => c with { MetricsEnabled = v.Boolean() },
        ["plugins_path"] = (c, v) => c with { PluginsPath = v.String() },
        ["grpc_reflection_enabled"] = (c, v) => c with { GrpcReflectionEnabled = v.Boolean() },
        ["openapi_enabled"] = (c, v) => c with { OpenApiEnabled = v.Boolean() },
    };

    public static IEnumerable<string> Names => Fields.Keys;

    public static ServerConfig Set(ServerConfig config, string name, ConfigValue value) =>
        Fields.TryGetValue(name, out var apply)
            ? apply(config, value)
            : throw new ConfigurationException($"unknown configuration key '{name}'");
}

/// <summary>One value from the JSON file or from an environment variable (always text), read as the field's type.</summary>
internal readonly record struct ConfigValue(string Field, JsonElement? Json, string? Text)
{
    public string String() => Json is { } json
        ? json.ValueKind == JsonValueKind.String ? json.GetString()! : throw Wrong("a string")
        : Text!;

    /// <summary>A JSON array of strings; in an environment variable, comma-separated.</summary>
    public IReadOnlyList<string> StringList() => Json is { } json
        ? json.ValueKind == JsonValueKind.Array && json.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String)
            ? [.. json.EnumerateArray().Select(e => e.GetString()!)]
            : throw Wrong("an array of strings")
        : [.. Text!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public long Integer() => Json is { } json
        ? json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var number) ? number : throw Wrong("an integer")
        : long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Wrong("an integer");

    public int Port()
    {
        var value = Integer();
        return value is >= 0 and <= 65535 ? (int)value : throw Wrong("a port number (0-65535)");
    }

    public bool Boolean() => Json is { } json
        ? json.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw Wrong("true or false") }
        : Text switch { "true" => true, "false" => false, _ => throw Wrong("true or false") };

    private ConfigurationException Wrong(string expected) => new($"{Field} must be {expected}");
}
