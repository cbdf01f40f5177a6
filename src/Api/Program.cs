using System.Reflection;
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
await ServerApp.StartAsync(app);
await app.WaitForShutdownAsync();
return 0;

static string? ConfigPathFrom(string[] args) => args switch
{
    [] => null,
    ["--config" or "-c", var path] => path,
    _ => throw new ConfigurationException($"unrecognised arguments '{string.Join(' ', args)}' (see --help)"),
};
