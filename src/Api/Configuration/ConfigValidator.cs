using System.Text.RegularExpressions;
using Conclave.Application.Common.Settings;

namespace Conclave.Api.Configuration;

// CLARIFICATIONS §9.3, in its order, then what would otherwise fail only when the server binds (the TLS pairing,
// the listen address): all before anything is opened.
internal static partial class ConfigValidator
{
    [GeneratedRegex(@"\A[!#$%&'*+\-.^_`|~0-9A-Za-z]+\z")]
    private static partial Regex HeaderToken();

    [GeneratedRegex(@"\A[A-Za-z0-9_-]+\z")]
    private static partial Regex RegistrationTokenCharacters();

    public static void Validate(ServerConfig config)
    {
        if (!HeaderToken().IsMatch(config.AuthHeader))
            throw new ConfigurationException($"auth_header '{config.AuthHeader}' is not a valid HTTP header name");
        if (config.RegistrationToken is { } token)
        {
            if (token.Length == 0) throw new ConfigurationException("registration_token must not be empty when set");
            if (!RegistrationTokenCharacters().IsMatch(token))
                throw new ConfigurationException("registration_token must contain only ASCII letters, digits, underscores, and hyphens");
        }
        RequireDuration("message_retention", config.MessageRetention);
        RequireDuration("cleanup_interval", config.CleanupInterval);
        if ((config.TlsCertPath is null) != (config.TlsKeyPath is null))
            throw new ConfigurationException("both tls_cert_path and tls_key_path must be set for TLS, or neither for plain HTTP");
        if (config.DatabasePath.Length == 0) throw new ConfigurationException("database_path must not be empty");
        if (config.ListenIpAddress is null)
            throw new ConfigurationException($"listen_address '{config.ListenAddress}' is not an IP address");
        if (config.MinimumLogLevel is null)
            throw new ConfigurationException($"log_level '{config.LogLevel}' must be one of {LogLevels.Names}");
        if (config.LogFormat is not ("text" or "json"))
            throw new ConfigurationException($"log_format '{config.LogFormat}' must be text or json");
        RequireLimit("register_limit_per_minute", config.RegisterLimitPerMinute);
        RequireLimit("login_failure_limit_per_minute", config.LoginFailureLimitPerMinute);
        RequireLimit("event_streams_per_user", config.EventStreamsPerUser);
        if (config.PluginsPath is "") throw new ConfigurationException("plugins_path must not be empty when set");
        if (config.TrustedProxies.FirstOrDefault(entry => ServerConfig.ParseProxy(entry) is null) is { } proxy)
            throw new ConfigurationException($"trusted_proxies entry '{proxy}' is not an IP address or CIDR network");
    }

    private static void RequireLimit(string field, long value)
    {
        if (value < 0) throw new ConfigurationException($"{field} must be 0 (unlimited) or a positive integer");
    }

    private static void RequireDuration(string field, string value)
    {
        if (!DurationFormat.TryParse(value, out _, out var error))
            throw new ConfigurationException($"invalid {field} '{value}': {error}");
    }
}
