using System.Collections;
using System.Text.Json;

namespace Conclave.Api.Configuration;

/// <summary>
/// Finds and reads the configuration: --config/-c PATH, else ./conclave.json, else /etc/conclave/conclave.json,
/// else built-in defaults; then CONCLAVE_&lt;FIELD&gt; environment variables override single fields.
/// </summary>
public static class ConfigLoader
{
    public const string EnvironmentPrefix = "CONCLAVE_";
    public const string FileName = "conclave.json";
    public const string SystemPath = "/etc/conclave/conclave.json";

    /// <summary>Loads as the server does, looking for ./conclave.json in the process's working directory.</summary>
    public static ServerConfig Load(string? explicitPath, IDictionary environment) =>
        Load(explicitPath, environment, Directory.GetCurrentDirectory());

    /// <summary>Loads with <paramref name="workingDirectory"/> standing for "." in the search path.</summary>
    public static ServerConfig Load(string? explicitPath, IDictionary environment, string workingDirectory) =>
        Load(explicitPath, environment, [Path.Combine(workingDirectory, FileName), SystemPath]);

    internal static ServerConfig Load(string? explicitPath, IDictionary environment, IReadOnlyList<string> searchPath)
    {
        var config = new ServerConfig();
        var path = explicitPath ?? searchPath.FirstOrDefault(File.Exists);
        if (path is not null) config = ReadFile(config, path);
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
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ConfigurationException($"configuration file '{path}' must hold a JSON object");
            foreach (var property in document.RootElement.EnumerateObject())
                config = ConfigFields.Set(config, property.Name, new ConfigValue(property.Name, property.Value.Clone(), null));
            return config;
        }
        catch (JsonException exception)
        {
            throw new ConfigurationException($"configuration file '{path}' is not valid JSON: {exception.Message}");
        }
    }
}
