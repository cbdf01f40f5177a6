using System.Collections;
using Conclave.Api.Configuration;

namespace Conclave.Api.UnitTests.Configuration;

// Issue #27: the reference server's TOML files configure this server too: same keys (ours as well), same validation.
public sealed class TomlConfigTests : IDisposable
{
    private static readonly Hashtable NoEnvironment = [];
    private readonly TempFolder _folder = new("config-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_spec_example_for_an_invite_only_server_with_retention_loads_as_written()
    {
        var path = _folder.Write("config.toml", """
            listen_address = "0.0.0.0"
            database_path = "/var/lib/conclave/conclave.db"
            registration_enabled = false
            registration_token = "my-secret-invite-code"
            message_retention = "30d"
            cleanup_interval = "1h"
            tls_cert_path = "/etc/conclave/cert.pem"
            tls_key_path = "/etc/conclave/key.pem"
            """);

        Assert.Equal(new ServerConfig
        {
            DatabasePath = "/var/lib/conclave/conclave.db", RegistrationEnabled = false,
            RegistrationToken = "my-secret-invite-code", MessageRetention = "30d", CleanupInterval = "1h",
            TlsCertPath = "/etc/conclave/cert.pem", TlsKeyPath = "/etc/conclave/key.pem", ConfigFile = path,
        }, Load(path));
    }

    [Fact]
    public void Our_own_keys_are_read_from_toml_too()
    {
        var path = _folder.Write("ours.toml", """
            # comments as TOML writes them
            listen_port = 9000
            grpc_port = 9001
            token_ttl_seconds = -60
            trusted_proxies = ["127.0.0.1", "10.0.0.0/8"]
            register_limit_per_minute = 0
            log_level = "info"
            log_format = "json"
            metrics_enabled = true
            """);

        var config = Load(path);

        Assert.Equal((9000, 9001, -60L, 0L), (config.ListenPort, config.GrpcPort, config.TokenTtlSeconds, config.RegisterLimitPerMinute));
        Assert.Equal(["127.0.0.1", "10.0.0.0/8"], config.TrustedProxies);
        Assert.Equal(("info", "json", true), (config.LogLevel, config.LogFormat, config.MetricsEnabled));
    }

    [Theory]
    [InlineData("listen_port = \"8080\"", "listen_port must be an integer")]
    [InlineData("listen_port = 8080.0", "listen_port must be an integer")]
    [InlineData("listen_port = 70000", "listen_port must be a port number (0-65535)")]
    [InlineData("token_ttl_seconds = 1979-05-27T07:32:00Z", "token_ttl_seconds must be an integer")]
    [InlineData("database_path = 1979-05-27", "database_path must be a string")]
    [InlineData("cleanup_interval = 07:32:00", "cleanup_interval must be a string")]
    [InlineData("message_retention = 30", "message_retention must be a string")]
    [InlineData("registration_enabled = 1", "registration_enabled must be true or false")]
    [InlineData("registration_enabled = \"false\"", "registration_enabled must be true or false")]
    [InlineData("trusted_proxies = [1]", "trusted_proxies must be an array of strings")]
    [InlineData("trusted_proxies = \"127.0.0.1\"", "trusted_proxies must be an array of strings")]
    [InlineData("listen_address = { ip = \"127.0.0.1\" }", "listen_address must be a string")]
    [InlineData("listen_prot = 8080", "unknown configuration key 'listen_prot'")]
    [InlineData("[server]\nlisten_port = 8080", "unknown configuration key 'server'")]
    [InlineData("message_retention = \"5x\"", "invalid message_retention '5x': ")]
    [InlineData("tls_cert_path = \"/c.pem\"", "both tls_cert_path and tls_key_path must be set for TLS, or neither for plain HTTP")]
    public void A_bad_key_or_value_is_refused_as_in_json(string toml, string message)
    {
        var path = _folder.Write("bad.toml", toml);

        Assert.StartsWith(message, Assert.Throws<ConfigurationException>(() => Load(path)).Message);
    }

    [Theory]
    [InlineData("listen_port = ")]
    [InlineData("listen_port = 1\nlisten_port = 2")]
    [InlineData("{ \"listen_port\": 8080 }")]
    public void A_file_that_is_not_toml_is_refused_in_one_line(string content)
    {
        var path = _folder.Write("broken.toml", content);

        var message = Assert.Throws<ConfigurationException>(() => Load(path)).Message;

        Assert.StartsWith($"configuration file '{path}' is not valid TOML: ", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void The_search_path_is_ours_first_then_the_reference_servers()
    {
        Assert.Equal(
            ["/srv/conclave.json", "/etc/conclave/conclave.json", "/srv/conclave.toml", "/etc/conclave/config.toml"],
            ConfigLoader.SearchPath("/srv"));
    }

    [Fact]
    public void Without_a_path_the_working_directory_toml_is_read_when_there_is_no_json()
    {
        var toml = _folder.Write("conclave.toml", "listen_port = 4242");

        var config = ConfigLoader.Load(null, NoEnvironment, [Path.Combine(_folder.Path, "conclave.json"), toml]);

        Assert.Equal((4242, toml), (config.ListenPort, config.ConfigFile));
    }

    [Fact]
    public void A_json_file_on_the_search_path_wins_over_a_toml_file()
    {
        var json = _folder.Write("conclave.json", """{ "listen_port": 1 }""");
        var toml = _folder.Write("conclave.toml", "listen_port = 2");

        Assert.Equal(1, ConfigLoader.Load(null, NoEnvironment, [json, toml]).ListenPort);
    }

    [Fact]
    public void Environment_variables_override_a_toml_file()
    {
        var path = _folder.Write("c.toml", "listen_port = 8080");

        Assert.Equal(9000, Load(path, new Hashtable { ["CONCLAVE_LISTEN_PORT"] = "9000" }).ListenPort);
    }

    [Fact]
    public void Without_any_file_no_file_is_named() =>
        Assert.Null(ConfigLoader.Load(null, NoEnvironment, [Path.Combine(_folder.Path, "missing.toml")]).ConfigFile);

    private static ServerConfig Load(string path, IDictionary? environment = null) =>
        ConfigLoader.Load(path, environment ?? NoEnvironment, []);
}
