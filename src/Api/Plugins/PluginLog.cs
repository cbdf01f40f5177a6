namespace Conclave.Api.Plugins;

internal static class PluginLog
{
    /// <summary>The category LoggingSetup lets through at info whatever log_level says, like the listening address.</summary>
    public const string Category = "Conclave.Api.Plugins";

    public static void LogPlugins(this WebApplication app, IReadOnlyList<LoadedPlugin> plugins)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        foreach (var plugin in plugins) logger.LogInformation("Plugin {Plugin}", plugin);
        if (plugins.Count == 0) logger.LogDebug("No plugins in {Folder}", app.Services.GetRequiredService<Configuration.ServerConfig>().EffectivePluginsPath);
    }
}
