namespace Conclave.Api.Configuration;

internal static class ConfigurationLog
{
    /// <summary>The category LoggingSetup lets through at info whatever log_level says, like the listening address.</summary>
    public const string Category = "Conclave.Api.Configuration";

    /// <summary>Which file configured the server: a file left behind where the server no longer looks is seen at once.</summary>
    public static void LogConfigurationSource(this WebApplication app, ServerConfig config)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        if (config.ConfigFile is { } file) logger.LogInformation("Configuration read from {ConfigFile}", file);
        else logger.LogInformation("No configuration file found: built-in defaults and CONCLAVE_ variables");
    }
}
