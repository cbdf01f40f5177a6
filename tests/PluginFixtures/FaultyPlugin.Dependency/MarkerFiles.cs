namespace FaultyPlugin.Dependency;

/// <summary>A private dependency of FaultyPlugin: the tests leave it out to make a plugin that cannot load.</summary>
public abstract class MarkerFiles
{
    /// <summary>The folder the plugin was loaded from; the tests watch files there.</summary>
    protected static string Folder => Path.GetDirectoryName(typeof(MarkerFiles).Assembly.Location)!;
}
