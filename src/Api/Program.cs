using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using Conclave.Api;
using Conclave.Api.Configuration;

var version = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
if (args is ["--help" or "-h"])
{
    Console.WriteLine("""
        conclave-server: the Conclave MLS delivery service.

        Usage: conclave-server [--config PATH | -c PATH] [--help] [--version]

        Without --config the server reads ./conclave.json, else /etc/conclave/conclave.json, else uses the
        built-in defaults; CONCLAVE_<FIELD> environment variables override single fields.
        See conclave.json.example for every field.
        """);
    return 0;
}
if (args is ["--version"])
{
    Console.WriteLine($"conclave-server {version}");
    return 0;
}

ServerConfig config;
try
{
    config = ConfigLoader.Load(ConfigPathFrom(args), Environment.GetEnvironmentVariables());
}
catch (ConfigurationException exception)
{
    Console.Error.WriteLine($"invalid configuration: {exception.Message}");
    return 2;
}

var app = ServerApp.Build(config);
try
{
    await ServerApp.StartAsync(app);
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or DbException)
{
    // A busy port, an unreadable certificate or database: one line, as for configuration errors.
    Console.Error.WriteLine($"cannot start: {exception.Message}");
    return 1;
}
await app.WaitForShutdownAsync();
return 0;

static string? ConfigPathFrom(string[] args) => args switch
{
    [] => null,
    ["--config" or "-c", var path] => path,
    _ => throw new ConfigurationException($"unrecognised arguments '{string.Join(' ', args)}' (see --help)"),
};
