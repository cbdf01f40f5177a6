using System.Collections;
using Conclave.Api.Configuration;

namespace Conclave.Api.UnitTests.Configuration;

// CLARIFICATIONS §9.1 (project): JSON with the spec's field names, --config else ./conclave.json else
// /etc/conclave/conclave.json else defaults; CONCLAVE_<FIELD> overrides; unknown keys and wrong types are fatal.
public sealed class ConfigLoaderTests : IDisposable
{
    private static readonly Hashtable NoEnvironment = [];
    private readonly TempFolder _folder = new("config-tests");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_explicit_file_sets_every_field()
    {
        var path = _folder.Write("server.json", """
            {
              "listen_address": "127.0.0.1", "listen_port": 40123, "grpc_port": 40124,
              "database_path": "/tmp/x/conclave.db", "token_ttl_seconds": 60, "invite_ttl_seconds": -5,
              "message_retention": "2s", "cleanup_interval": "1s", "auth_header": "X-Conclave-Token",
              "registration_enabled": false, "registration_token": "abc-DEF_1",
              "tls_cert_path": "/c.pem", "tls_key_path": "/k.pem",
              "log_level": "info", "log_format": "json", "metrics_enabled": true, "plugins_path": "/opt/plugins"
            }
            """);

        var config = Load(path);

        Assert.Equal(new ServerConfig
        {
            ListenAddress = "127.0.0.1", ListenPort = 40123, GrpcPort = 40124, DatabasePath = "/tmp/x/conclave.db",
            TokenTtlSeconds = 60, InviteTtlSeconds = -5, MessageRetention = "2s", CleanupInterval = "1s",
            AuthHeader = "X-Conclave-Token", RegistrationEnabled = false, RegistrationToken = "abc-DEF_1",
            TlsCertPath = "/c.pem", TlsKeyPath = "/k.pem", LogLevel = "info", LogFormat = "json", MetricsEnabled = true,
            PluginsPath = "/opt/plugins", ConfigFile = path,
        }, config);
    }

    [Fact]
    public void The_abuse_limit_keys_are_read_from_the_file()
    {
        var path = _folder.Write("limits.json", """
            {
              "register_limit_per_minute": 0, "login_failure_limit_per_minute": 3, "event_streams_per_user": 100,
              "trusted_proxies": ["127.0.0.1", "10.0.0.0/8", "::1"]
            }
            """);

        var config = Load(path);

        Assert.Equal((0L, 3L, 100L), (config.RegisterLimitPerMinute, config.LoginFailureLimitPerMinute, config.EventStreamsPerUser));
        Assert.Equal(["127.0.0.1", "10.0.0.0/8", "::1"], config.TrustedProxies);
    }

    [Fact]
    public void The_integrator_surfaces_are_off_by_default_and_switched_on_by_the_file_or_the_environment()
    {
        var path = _folder.Write("surfaces.json", """{ "grpc_reflection_enabled": true, "openapi_enabled": false }""");
        var environment = new Hashtable { ["CONCLAVE_OPENAPI_ENABLED"] = "true" };

        Assert.Equal((false, false), (new ServerConfig().GrpcReflectionEnabled, new ServerConfig().OpenApiEnabled));
        Assert.Equal((true, false), (Load(path).GrpcReflectionEnabled, Load(path).OpenApiEnabled));
        Assert.Equal((true, true), (Load(path, environment).GrpcReflectionEnabled, Load(path, environment).OpenApiEnabled));
    }

    [Fact]
    public void Trusted_proxies_come_comma_separated_from_the_environment()
    {
        var environment = new Hashtable
        {
            ["CONCLAVE_TRUSTED_PROXIES"] = " 10.1.2.3 , 192.168.0.0/16,",
            ["CONCLAVE_REGISTER_LIMIT_PER_MINUTE"] = "0",
        };

        var config = Load(null, environment);

        Assert.Equal(["10.1.2.3", "192.168.0.0/16"], config.TrustedProxies);
        Assert.Equal(0, config.RegisterLimitPerMinute);
    }

    [Fact]
    public void An_empty_object_gives_the_defaults()
    {
        var path = _folder.Write("empty.json", "{}");

        Assert.Equal(new ServerConfig { ConfigFile = path }, Load(path));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_as_in_the_example_file()
    {
        var path = _folder.Write("commented.json", """
            {
              // a comment
              "listen_port": 9000, /* another */
            }
            """);

        Assert.Equal(9000, Load(path).ListenPort);
    }

    [Fact]
    public void The_example_file_of_the_repository_loads_as_the_defaults()
    {
        var example = Path.Combine(RepositoryPaths.Root, "conclave.json.example");

        var config = Load(example);

        Assert.Equal(new ServerConfig { ListenPort = 8080, ConfigFile = Path.GetFullPath(example) }, config);
    }

    [Fact]
    public void Without_a_path_conclave_json_in_the_working_directory_is_read()
    {
        _folder.Write("conclave.json", """{ "listen_port": 4242 }""");

        Assert.Equal(4242, ConfigLoader.Load(null, NoEnvironment, _folder.Path).ListenPort);
    }

    [Fact]
    public void An_explicit_path_wins_over_the_working_directory()
    {
        _folder.Write("conclave.json", """{ "listen_port": 4242 }""");
        var explicitPath = _folder.Write("other.json", """{ "listen_port": 4343 }""");

        Assert.Equal(4343, Load(explicitPath).ListenPort);
    }

    [Fact]
    public void The_search_path_takes_the_first_file_that_exists()
    {
        var system = _folder.Write("system.json", """{ "listen_port": 5000 }""");
        var missing = Path.Combine(_folder.Path, "missing.json");

        Assert.Equal(5000, ConfigLoader.Load(null, NoEnvironment, [missing, system]).ListenPort);
        Assert.Equal(new ServerConfig(), ConfigLoader.Load(null, NoEnvironment, [missing]));
    }

    [Fact]
    public void The_working_directory_file_comes_before_the_system_file()
    {
        var local = _folder.Write("conclave.json", """{ "listen_port": 1 }""");
        var system = _folder.Write("system.json", """{ "listen_port": 2 }""");

        Assert.Equal(1, ConfigLoader.Load(null, NoEnvironment, [local, system]).ListenPort);
    }

    [Fact]
    public void The_server_searches_the_working_directory_then_etc_conclave() =>
        Assert.Equal("/etc/conclave/conclave.json", ConfigLoader.SystemPath);

    [Fact]
    public void A_missing_explicit_file_is_fatal()
    {
        var missing = Path.Combine(_folder.Path, "nope.json");

        var error = Assert.Throws<ConfigurationException>(() => Load(missing));

        Assert.StartsWith($"cannot read configuration file '{missing}'", error.Message);
    }

    [Fact]
    public void An_unknown_key_is_fatal_and_named()
    {
        var path = _folder.Write("c.json", """{ "listen_port": 8080, "listen_prot": 1 }""");

        var error = Assert.Throws<ConfigurationException>(() => Load(path));

        Assert.Equal("unknown configuration key 'listen_prot'", error.Message);
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        var path = _folder.Write("c.json", """{ "Listen_Port": 8080 }""");

        Assert.Equal("unknown configuration key 'Listen_Port'",
            Assert.Throws<ConfigurationException>(() => Load(path)).Message);
    }

    [Theory]
    [InlineData("listen_port", "\"8080\"", "listen_port must be an integer")]
    [InlineData("listen_port", "70000", "listen_port must be a port number (0-65535)")]
    [InlineData("listen_port", "-1", "listen_port must be a port number (0-65535)")]
    [InlineData("grpc_port", "80.5", "grpc_port must be an integer")]
    [InlineData("token_ttl_seconds", "true", "token_ttl_seconds must be an integer")]
    [InlineData("invite_ttl_seconds", "1e40", "invite_ttl_seconds must be an integer")]
    [InlineData("registration_enabled", "\"yes\"", "registration_enabled must be true or false")]
    [InlineData("registration_enabled", "1", "registration_enabled must be true or false")]
    [InlineData("message_retention", "30", "message_retention must be a string")]
    [InlineData("database_path", "null", "database_path must be a string")]
    [InlineData("listen_address", "[\"127.0.0.1\"]", "listen_address must be a string")]
    [InlineData("register_limit_per_minute", "\"10\"", "register_limit_per_minute must be an integer")]
    [InlineData("login_failure_limit_per_minute", "2.5", "login_failure_limit_per_minute must be an integer")]
    [InlineData("event_streams_per_user", "null", "event_streams_per_user must be an integer")]
    [InlineData("trusted_proxies", "\"127.0.0.1\"", "trusted_proxies must be an array of strings")]
    [InlineData("trusted_proxies", "[1]", "trusted_proxies must be an array of strings")]
    [InlineData("metrics_enabled", "\"true\"", "metrics_enabled must be true or false")]
    [InlineData("grpc_reflection_enabled", "1", "grpc_reflection_enabled must be true or false")]
    [InlineData("openapi_enabled", "\"yes\"", "openapi_enabled must be true or false")]
    [InlineData("log_level", "2", "log_level must be a string")]
    public void A_value_of_the_wrong_type_is_fatal_and_names_the_field(string field, string json, string message)
    {
        var path = _folder.Write("c.json", $$"""{ "{{field}}": {{json}} }""");

        Assert.Equal(message, Assert.Throws<ConfigurationException>(() => Load(path)).Message);
    }

    [Theory]
    [InlineData("{ \"listen_port\": 1,")]
    [InlineData("listen_port = 8080")]
    public void A_file_that_is_not_json_is_fatal(string content)
    {
        var path = _folder.Write("c.json", content);

        Assert.StartsWith($"configuration file '{path}' is not valid JSON",
            Assert.Throws<ConfigurationException>(() => Load(path)).Message);
    }

    [Fact]
    public void A_file_that_is_not_an_object_is_fatal()
    {
        var path = _folder.Write("c.json", "[1, 2]");

        Assert.Equal($"configuration file '{path}' must hold a JSON object",
            Assert.Throws<ConfigurationException>(() => Load(path)).Message);
    }

    [Fact]
    public void Environment_variables_override_the_file()
    {
        var path = _folder.Write("c.json", """{ "listen_port": 8080, "registration_enabled": true, "auth_header": "X-A" }""");
        var environment = new Hashtable
        {
            ["CONCLAVE_LISTEN_PORT"] = "9000",
            ["CONCLAVE_REGISTRATION_ENABLED"] = "false",
            ["CONCLAVE_REGISTRATION_TOKEN"] = "tok",
            ["CONCLAVE_TOKEN_TTL_SECONDS"] = "-60",
            ["CONCLAVE_MESSAGE_RETENTION"] = " 7d ",
            ["CONCLAVE_GRPC_PORT"] = "+9001",
            ["CONCLAVE_LOG_LEVEL"] = "debug",
            ["CONCLAVE_METRICS_ENABLED"] = "true",
        };

        var config = Load(path, environment);

        Assert.Equal((9000, false, "tok", -60L, " 7d ", 9001, "X-A"),
            (config.ListenPort, config.RegistrationEnabled, config.RegistrationToken, config.TokenTtlSeconds,
             config.MessageRetention, config.GrpcPort, config.AuthHeader));
        Assert.Equal(("debug", true), (config.LogLevel, config.MetricsEnabled));
    }

    [Fact]
    public void Environment_variables_apply_without_any_file()
    {
        var environment = new Dictionary<string, string> { ["CONCLAVE_DATABASE_PATH"] = "/data/c.db", ["CONCLAVE_LISTEN_ADDRESS"] = "::1" };

        var config = Load(null, environment);

        Assert.Equal(("/data/c.db", "::1"), (config.DatabasePath, config.ListenAddress));
    }

    [Fact]
    public void Only_the_exact_upper_case_names_with_the_prefix_are_read()
    {
        var environment = new Hashtable { ["conclave_listen_port"] = "1", ["LISTEN_PORT"] = "2", ["CONCLAVE_LISTENPORT"] = "3", ["CONCLAVE_UNKNOWN"] = "4" };

        Assert.Null(Load(null, environment).ListenPort);
    }

    [Theory]
    [InlineData("CONCLAVE_LISTEN_PORT", "80a", "listen_port must be an integer")]
    [InlineData("CONCLAVE_LISTEN_PORT", "65536", "listen_port must be a port number (0-65535)")]
    [InlineData("CONCLAVE_TOKEN_TTL_SECONDS", "1.5", "token_ttl_seconds must be an integer")]
    [InlineData("CONCLAVE_REGISTRATION_ENABLED", "False", "registration_enabled must be true or false")]
    [InlineData("CONCLAVE_REGISTRATION_ENABLED", "1", "registration_enabled must be true or false")]
    public void An_invalid_environment_value_is_fatal_and_names_the_field(string variable, string value, string message)
    {
        var environment = new Hashtable { [variable] = value };

        Assert.Equal(message, Assert.Throws<ConfigurationException>(() => Load(null, environment)).Message);
    }

    [Fact]
    public void The_loaded_configuration_is_validated()
    {
        var path = _folder.Write("c.json", """{ "message_retention": "5x" }""");

        Assert.StartsWith("invalid message_retention '5x': ",
            Assert.Throws<ConfigurationException>(() => Load(path)).Message);
    }

    [Fact]
    public void An_environment_value_is_validated_too() =>
        Assert.Equal("registration_token must not be empty when set",
            Assert.Throws<ConfigurationException>(() =>
                Load(null, new Hashtable { ["CONCLAVE_REGISTRATION_TOKEN"] = "" })).Message);

    // The search path of the server with this test's folder as "."; /etc/conclave is left out so the machine cannot interfere.
    private ServerConfig Load(string? explicitPath, IDictionary? environment = null) =>
        ConfigLoader.Load(explicitPath, environment ?? NoEnvironment, [Path.Combine(_folder.Path, ConfigLoader.FileName)]);
}
