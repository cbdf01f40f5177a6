using System.Text.Json;

namespace GroupSizeLimitPlugin;

/// <summary>GroupSizeLimitPlugin.json beside GroupSizeLimitPlugin.dll: {"max_members": 50}; 50 without the file.</summary>
internal sealed record LimitSettings(int MaxMembers)
{
    private static readonly Lazy<LimitSettings> Loaded = new(Load);

    public static LimitSettings Current => Loaded.Value;

    private static LimitSettings Load()
    {
        var folder = Path.GetDirectoryName(typeof(LimitSettings).Assembly.Location)!;
        var settingsFile = Path.Combine(folder, "GroupSizeLimitPlugin.json");
        if (!File.Exists(settingsFile)) return new LimitSettings(50);
        using var settings = JsonDocument.Parse(File.ReadAllText(settingsFile));
        return new LimitSettings(settings.RootElement.GetProperty("max_members").GetInt32());
    }
}
