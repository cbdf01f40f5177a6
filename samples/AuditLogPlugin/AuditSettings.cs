using System.Text.Json;

namespace AuditLogPlugin;

/// <summary>
/// AuditLogPlugin.json beside AuditLogPlugin.dll: {"path": "..."}, relative to the plugin's folder. Without the file
/// the log is audit.jsonl in the plugin's folder.
/// </summary>
internal sealed record AuditSettings(string Path)
{
    private static readonly Lazy<AuditSettings> Loaded = new(Load);

    public static AuditSettings Current => Loaded.Value;

    private static AuditSettings Load()
    {
        var folder = System.IO.Path.GetDirectoryName(typeof(AuditSettings).Assembly.Location)!;
        var settingsFile = System.IO.Path.Combine(folder, "AuditLogPlugin.json");
        var path = "audit.jsonl";
        if (File.Exists(settingsFile))
        {
            using var settings = JsonDocument.Parse(File.ReadAllText(settingsFile));
            if (settings.RootElement.TryGetProperty("path", out var configured)) path = configured.GetString()!;
        }
        return new AuditSettings(System.IO.Path.Combine(folder, path)); // Combine keeps an absolute path as it is
    }
}
