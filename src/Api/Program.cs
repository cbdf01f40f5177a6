using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using Conclave.Api;
using Conclave.Api.Admin;
using Conclave.Api.CommandLine;
using Conclave.Api.Configuration;
using Conclave.Api.Plugins;
using Conclave.Infrastructure.Sqlite.Files;

CommandLineRequest request;
ServerConfig config;
try
{
    request = CommandLineRequest.Parse(args);
    if (request.IsHelp)
    {
        Console.WriteLine(CommandLineRequest.Usage);
        return 0;
    }
    if (request.IsVersion)
    {
        var version = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        Console.WriteLine($"conclave-server {version}");
        return 0;
    }
    config = ConfigLoader.Load(request.ConfigPath, Environment.GetEnvironmentVariables());
}
catch (ConfigurationException exception)
{
    Console.Error.WriteLine($"invalid configuration: {exception.Message}");
    return 2;
}

if (request.AdminWords is { } adminWords)
{
    var prompt = Console.IsInputRedirected ? null : new Func<string, string>(PasswordInput.PromptAtTerminal);
    return await AdminCli.RunAsync(config, adminWords, new AdminConsole(Console.In, Console.Out, Console.Error, prompt));
}

WebApplication? app = null;
try
{
    app = ServerApp.Build(config);
    await ServerApp.StartAsync(app);
}
catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or DbException or PluginLoadException
                                       or ForeignDatabaseException)
{
    // A busy port, an unreadable certificate or database, a database not ours, a broken plugin: one line, as for
    // configuration errors.
    Console.Error.WriteLine($"cannot start: {exception.Message}");
    if (app is not null) await app.DisposeAsync();
    return 1;
}
// Disposing the app writes the log lines still queued (BatchedLineWriter).
await using (app)
{
    await app.WaitForShutdownAsync();
}
return 0;
