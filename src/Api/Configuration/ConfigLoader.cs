using System.Collections;
using System.Text.Json;

namespace Conclave.Api.Configuration;

/// <summary>
/// Finds and reads the configuration: --config/-c PATH, else ./conclave.json, else /etc/conclave/conclave.json, else
/// the reference server's ./conclave.toml, else /etc/conclave/config.toml, else built-in defaults; then
/// CONCLAVE_&lt;FIELD&gt; environment variables override single fields. A file whose name ends in .toml is read as
/// TOML, any other as JSON, both with the same keys and the same validation.
/// </summary>
public static class ConfigLoader
{
    public const string EnvironmentPrefix = "CONCLAVE_";
    public const string FileName = "conclave.json";
    public const string SystemPath = "/etc/conclave/conclave.json";
    public const string TomlFileName = "conclave.toml";
    public const string SystemTomlPath = "/etc/conclave/config.toml";

    /// <summary>Loads as the server does, looking for ./conclave.json in the process's working directory.</summary>
    public static ServerConfig Load(string? explicitPath, IDictionary environment) =>
        Load(explicitPath, environment, Directory.GetCurrentDirectory());

    /// <summary>Loads with <paramref name="workingDirectory"/> standing for "." in the search path.</summary>
    public static ServerConfig Load(string? explicitPath, IDictionary environment, string workingDirectory) =>
        Load(explicitPath, environment, SearchPath(workingDirectory));

    /// <summary>Where the server looks without --config, first match wins: ours, then the reference server's.</summary>
    internal static IReadOnlyList<string> SearchPath(string workingDirectory) =>
        [Path.Combine(workingDirectory, FileName), SystemPath, Path.Combine(workingDirectory, TomlFileName), SystemTomlPath];

    internal static ServerConfig Load(string? explicitPath, IDictionary environment, IReadOnlyList<string> searchPath)
    {
        var config = new ServerConfig();
        var path = explicitPath ?? searchPath.FirstOrDefault(File.Exists);
        if (path is not null) config = ReadFile(config, path) with { ConfigFile = Path.GetFullPath(path) };
        foreach (var field in ConfigFields.Names)
        {
            if (environment[EnvironmentPrefix + field.ToUpperInvariant()] is string text)
                config = ConfigFields.Set(config, field, new ConfigValue(field, null, text));
        }
        ConfigValidator.Validate(config);
        return config;
    }

    private static ServerConfig ReadFile(ServerConfig config, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read configuration file '{path}': {exception.Message}");
        }
        using var document = path.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) ? TomlConfigFile.Parse(text, path) : ParseJson(text, path);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new ConfigurationException($"configuration file '{path}' must hold a JSON object");
        foreach (var property in document.RootElement.EnumerateObject())
            config = ConfigFields.Set(config, property.Name, new ConfigValue(property.Name, property.Value.Clone(), null));
        return config;
    }

    private static JsonDocument ParseJson(string text, string path)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new ConfigurationException($"configuration file '{path}' is not valid JSON: {exception.Message}");
        }
    }
}
