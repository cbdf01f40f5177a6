using Conclave.Api.Configuration;
using Microsoft.Extensions.Logging;

namespace Conclave.Api.UnitTests.Configuration;

// CLARIFICATIONS §9.2, §9.3 (its lines, in its order), C49, C50 and §9.5.
public sealed class ConfigValidatorTests
{
    [Fact]
    public void The_defaults_are_the_references()
    {
        var config = new ServerConfig();

        ConfigValidator.Validate(config);
        Assert.Equal(("0.0.0.0", 8080, 8081, "conclave.db"), (config.ListenAddress, config.EffectiveListenPort, config.GrpcPort, config.DatabasePath));
        Assert.Equal((2_592_000L, 2_592_000L), (config.TokenTtlSeconds, config.InviteTtlSeconds));
        Assert.Equal(("-1", "1h"), (config.MessageRetention, config.CleanupInterval));
        Assert.Equal(("Authorization", true, (string?)null), (config.AuthHeader, config.RegistrationEnabled, config.RegistrationToken));
        Assert.False(config.TlsEnabled);
        Assert.Equal(-1, config.ToSettings().MessageRetentionSeconds);
    }

    [Fact]
    public void The_abuse_limits_default_to_10_registrations_20_failed_logins_and_16_streams_with_no_trusted_proxy()
    {
        var config = new ServerConfig();

        Assert.Equal((10L, 20L, 16L), (config.RegisterLimitPerMinute, config.LoginFailureLimitPerMinute, config.EventStreamsPerUser));
        Assert.Empty(config.TrustedProxies);
    }

    [Fact]
    public void The_registration_and_login_limits_reach_the_use_cases()
    {
        var settings = new ServerConfig { RegisterLimitPerMinute = 3, LoginFailureLimitPerMinute = 7 }.ToSettings();

        Assert.Equal((3L, 7L), (settings.RegisterLimitPerMinute, settings.LoginFailureLimitPerMinute));
    }

    [Fact]
    public void Zero_turns_every_abuse_limit_off_and_is_valid() =>
        ConfigValidator.Validate(new ServerConfig { RegisterLimitPerMinute = 0, LoginFailureLimitPerMinute = 0, EventStreamsPerUser = 0 });

    [Fact]
    public void A_negative_abuse_limit_is_refused_naming_the_field()
    {
        AssertInvalid(new ServerConfig { RegisterLimitPerMinute = -1 }, "register_limit_per_minute must be 0 (unlimited) or a positive integer");
        AssertInvalid(new ServerConfig { LoginFailureLimitPerMinute = -5 }, "login_failure_limit_per_minute must be 0 (unlimited) or a positive integer");
        AssertInvalid(new ServerConfig { EventStreamsPerUser = long.MinValue }, "event_streams_per_user must be 0 (unlimited) or a positive integer");
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1/32")]
    [InlineData("::1", "::1/128")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("fd00::/8", "fd00::/8")]
    public void A_trusted_proxy_is_an_address_or_a_cidr_network(string entry, string network)
    {
        var config = new ServerConfig { TrustedProxies = [entry] };

        ConfigValidator.Validate(config);
        Assert.Equal(network, Assert.Single(config.TrustedProxyNetworks).ToString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/x")]
    [InlineData("")]
    public void A_trusted_proxy_that_is_neither_is_refused(string entry) =>
        AssertInvalid(new ServerConfig { TrustedProxies = ["127.0.0.1", entry] }, $"trusted_proxies entry '{entry}' is not an IP address or CIDR network");

    [Fact]
    public void With_both_tls_paths_the_default_port_is_8443() =>
        Assert.Equal(8443, new ServerConfig { TlsCertPath = "c.pem", TlsKeyPath = "k.pem" }.EffectiveListenPort);

    [Fact]
    public void An_explicit_port_wins_over_the_tls_default() =>
        Assert.Equal(9443, new ServerConfig { TlsCertPath = "c.pem", TlsKeyPath = "k.pem", ListenPort = 9443 }.EffectiveListenPort);

    [Theory]
    [InlineData("")]
    [InlineData("X Token")]
    [InlineData("X-Token:")]
    [InlineData("Authorizätion")]
    [InlineData("X(Token)")]
    public void An_auth_header_that_is_no_header_name_is_refused(string header) =>
        AssertInvalid(new ServerConfig { AuthHeader = header }, $"auth_header '{header}' is not a valid HTTP header name");

    [Theory]
    [InlineData("authorization")]
    [InlineData("X-Conclave-Token")]
    [InlineData("x_token.v1~!#$%&'*+^`|")]
    public void Any_token_character_makes_a_header_name(string header) =>
        ConfigValidator.Validate(new ServerConfig { AuthHeader = header });

    [Fact]
    public void An_empty_registration_token_is_refused_even_with_registration_open() =>
        AssertInvalid(new ServerConfig { RegistrationEnabled = true, RegistrationToken = "" }, "registration_token must not be empty when set");

    [Theory]
    [InlineData("has space")]
    [InlineData("dot.dot")]
    [InlineData("ünï")]
    [InlineData("plus+")]
    public void A_registration_token_with_other_characters_is_refused(string token) =>
        AssertInvalid(new ServerConfig { RegistrationToken = token },
            "registration_token must contain only ASCII letters, digits, underscores, and hyphens");

    [Fact]
    public void A_registration_token_of_letters_digits_underscores_and_hyphens_is_accepted() =>
        ConfigValidator.Validate(new ServerConfig { RegistrationEnabled = false, RegistrationToken = "Abc-123_xyz" });

    [Theory]
    [InlineData("5x")]
    [InlineData("")]
    [InlineData("0d")]
    public void An_invalid_message_retention_is_refused_with_the_value_and_the_reason(string value) =>
        Assert.Matches($"^invalid message_retention '{value}': .+$",
            Assert.Throws<ConfigurationException>(() => ConfigValidator.Validate(new ServerConfig { MessageRetention = value })).Message);

    [Fact]
    public void An_invalid_cleanup_interval_is_refused_with_the_value_and_the_reason() =>
        Assert.Matches("^invalid cleanup_interval '1H': .+$",
            Assert.Throws<ConfigurationException>(() => ConfigValidator.Validate(new ServerConfig { CleanupInterval = "1H" })).Message);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void A_cleanup_interval_of_0_or_minus_1_is_accepted(string value) =>
        ConfigValidator.Validate(new ServerConfig { CleanupInterval = value });

    [Fact]
    public void The_first_failing_line_of_the_list_wins()
    {
        var everythingWrong = new ServerConfig
        {
            AuthHeader = "bad header", RegistrationToken = "", MessageRetention = "x", CleanupInterval = "y", TlsCertPath = "c.pem",
        };

        AssertInvalid(everythingWrong, "auth_header 'bad header' is not a valid HTTP header name");
        AssertInvalid(everythingWrong with { AuthHeader = "X" }, "registration_token must not be empty when set");
        AssertInvalid(everythingWrong with { AuthHeader = "X", RegistrationToken = "a b" },
            "registration_token must contain only ASCII letters, digits, underscores, and hyphens");
        AssertInvalid(everythingWrong with { AuthHeader = "X", RegistrationToken = null }, "invalid message_retention 'x': ",
            prefixOnly: true);
        AssertInvalid(everythingWrong with { AuthHeader = "X", RegistrationToken = null, MessageRetention = "1d" },
            "invalid cleanup_interval 'y': ", prefixOnly: true);
        AssertInvalid(everythingWrong with { AuthHeader = "X", RegistrationToken = null, MessageRetention = "1d", CleanupInterval = "1h" },
            "both tls_cert_path and tls_key_path must be set for TLS, or neither for plain HTTP");
    }

    [Fact]
    public void A_certificate_without_a_key_is_refused() =>
        AssertInvalid(new ServerConfig { TlsCertPath = "c.pem" }, "both tls_cert_path and tls_key_path must be set for TLS, or neither for plain HTTP");

    [Fact]
    public void A_key_without_a_certificate_is_refused() =>
        AssertInvalid(new ServerConfig { TlsKeyPath = "k.pem" }, "both tls_cert_path and tls_key_path must be set for TLS, or neither for plain HTTP");

    [Fact]
    public void An_empty_database_path_is_refused() =>
        AssertInvalid(new ServerConfig { DatabasePath = "" }, "database_path must not be empty");

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("[::]")]
    public void An_ip_listen_address_is_accepted_with_ipv6_bracketed_or_not(string address) =>
        ConfigValidator.Validate(new ServerConfig { ListenAddress = address });

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:80")]
    [InlineData("256.0.0.1")]
    public void A_listen_address_that_is_no_ip_address_is_refused(string address) =>
        AssertInvalid(new ServerConfig { ListenAddress = address }, $"listen_address '{address}' is not an IP address");

    [Theory]
    [InlineData("2s", 2)]
    [InlineData("0", 0)]
    [InlineData("-1", -1)]
    public void The_settings_carry_the_parsed_retention(string retention, long seconds) =>
        Assert.Equal(seconds, new ServerConfig { MessageRetention = retention }.ToSettings().MessageRetentionSeconds);

    [Fact]
    public void Plugins_are_looked_for_beside_the_database_unless_plugins_path_says_otherwise()
    {
        Assert.Equal("/var/lib/conclave/plugins", new ServerConfig { DatabasePath = "/var/lib/conclave/conclave.db" }.EffectivePluginsPath);
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "plugins"), new ServerConfig().EffectivePluginsPath);
        Assert.Equal("/opt/conclave-plugins", new ServerConfig { PluginsPath = "/opt/conclave-plugins" }.EffectivePluginsPath);
    }

    [Fact]
    public void An_empty_plugins_path_is_refused() =>
        AssertInvalid(new ServerConfig { PluginsPath = "" }, "plugins_path must not be empty when set");

    [Fact]
    public void Logging_is_quiet_text_and_metrics_are_off_by_default()
    {
        var config = new ServerConfig();

        Assert.Equal((LogLevel.Warning, "text", false), (config.MinimumLogLevel, config.LogFormat, config.MetricsEnabled));
    }

    [Theory]
    [InlineData("trace", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("information", LogLevel.Information)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("error", LogLevel.Error)]
    [InlineData("critical", LogLevel.Critical)]
    [InlineData("none", LogLevel.None)]
    public void Every_log_level_name_is_accepted(string name, LogLevel level)
    {
        var config = new ServerConfig { LogLevel = name };

        ConfigValidator.Validate(config);
        Assert.Equal(level, config.MinimumLogLevel);
    }

    [Theory]
    [InlineData("Info")]
    [InlineData("verbose")]
    [InlineData("")]
    public void An_unknown_log_level_is_refused_with_the_names_it_takes(string name) =>
        AssertInvalid(new ServerConfig { LogLevel = name }, $"log_level '{name}' must be one of trace, debug, info, warning, error, critical, none");

    [Theory]
    [InlineData("JSON")]
    [InlineData("logfmt")]
    public void An_unknown_log_format_is_refused(string format) =>
        AssertInvalid(new ServerConfig { LogFormat = format }, $"log_format '{format}' must be text or json");

    private static void AssertInvalid(ServerConfig config, string message, bool prefixOnly = false)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigValidator.Validate(config));
        if (prefixOnly) Assert.StartsWith(message, error.Message);
        else Assert.Equal(message, error.Message);
    }
}
