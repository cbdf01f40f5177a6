namespace Conclave.Api.Configuration;

/// <summary>The names log_level accepts; "info" and "warn" as RUST_LOG spells them, the .NET names too.</summary>
internal static class LogLevels
{
    private static readonly Dictionary<string, LogLevel> Levels = new(StringComparer.Ordinal)
    {
        ["trace"] = LogLevel.Trace,
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["information"] = LogLevel.Information,
        ["warn"] = LogLevel.Warning,
        ["warning"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
        ["critical"] = LogLevel.Critical,
        ["none"] = LogLevel.None,
    };

    public const string Names = "trace, debug, info, warning, error, critical, none";

    public static LogLevel? Parse(string name) => Levels.TryGetValue(name, out var level) ? level : null;
}
