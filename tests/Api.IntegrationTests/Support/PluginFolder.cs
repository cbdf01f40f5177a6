namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// A plugins_path folder in a temp directory, filled as an operator installs plugins: each one's build output copied
/// into a folder of its own (the builds are copied to plugin-builds/ by this project's CopyPluginBuilds target).
/// </summary>
public sealed class PluginFolder : IDisposable
{
    public PluginFolder() : this(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "conclave-plugins", Guid.NewGuid().ToString("N")))
    {
    }

    public PluginFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    /// <summary>Copies plugin <paramref name="name"/>'s build, leaving out <paramref name="omit"/>; returns its folder.</summary>
    public string Install(string name, string? settingsJson = null, params string[] omit)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "plugin-builds", name);
        var target = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source).Where(file => !omit.Contains(System.IO.Path.GetFileName(file))))
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        if (settingsJson is not null) File.WriteAllText(System.IO.Path.Combine(target, name + ".json"), settingsJson);
        // Whatever the umask: the server refuses plugins that its group or others could change (PluginTrustTests).
        if (OperatingSystem.IsWindows()) return target;
        foreach (var file in Directory.GetFiles(target)) File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
