using Conclave.Api.Configuration;
using Conclave.Api.Plugins;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;

namespace Conclave.Api.Observability;

// log_level governs the server's own lines (one per request at info, use case outcomes at debug). Framework
// categories stay at warning unless tracing: their lines repeat each request with its raw path (paths hold usernames).
internal static class LoggingSetup
{
    public static void ConfigureLogging(this ILoggingBuilder logging, ServerConfig config)
    {
        var level = config.MinimumLogLevel!.Value; // validated
        var frameworkLevel = level == LogLevel.Trace ? level : Max(level, LogLevel.Warning);
        logging.ClearProviders().SetMinimumLevel(level)
            .AddFilter("Microsoft", frameworkLevel)
            .AddFilter("System", frameworkLevel)
            .AddFilter("Grpc", frameworkLevel)
            // Enabled at any level, this category has ASP.NET Core start an Activity and a log scope for every request.
            // Its lines are the per-request ones (RequestLog writes ours) and start-up failures, which reach Program as
            // exceptions; so it is on only when tracing.
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level == LogLevel.Trace ? level : LogLevel.None)
            // "Now listening on", "Application started": wanted at the default level too, as the reference prints its address.
            .AddFilter("Microsoft.Hosting.Lifetime", level <= LogLevel.Warning ? LogLevel.Information : level)
            // The plugins loaded: third-party code running inside the server is worth a line at the default level too.
            .AddFilter(PluginLog.Category, level <= LogLevel.Warning ? Min(level, LogLevel.Information) : level)
            // Which configuration file was read: the first thing to check when settings seem not to apply.
            .AddFilter(ConfigurationLog.Category, level <= LogLevel.Warning ? Min(level, LogLevel.Information) : level);
        if (config.LogFormat == "json")
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else if (SystemdHelpers.IsSystemdService())
        {
            logging.AddConsole(); // AddSystemd chose the journal's format: a priority prefix, journald stamps the time
        }
        else
        {
            logging.AddSimpleConsole(text =>
            {
                text.SingleLine = true;
                text.UseUtcTimestamp = true;
                text.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                text.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
        // The console's formats and options, written in batches (BatchedLineWriter says why).
        logging.Services.Remove(logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)));
        logging.Services.AddSingleton<ILoggerProvider, BatchedConsoleLoggerProvider>();
    }

    private static LogLevel Max(LogLevel a, LogLevel b) => a > b ? a : b;

    private static LogLevel Min(LogLevel a, LogLevel b) => a < b ? a : b;
}
