using System.Reflection;

namespace Conclave.Api.Plugins;

/// <summary>
/// Loads the plugins in plugins_path: each subfolder NAME holds NAME.dll (a plugin's build or publish output). A
/// missing folder means no plugins; anything that cannot be loaded, or that another user could have changed
/// (<see cref="PluginFileTrust"/>), stops start-up with a line naming it.
/// </summary>
public static class PluginLoader
{
    public static IReadOnlyList<LoadedPlugin> LoadAll(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        if (PluginFileTrust.Distrust(folder) is { } why) throw new PluginLoadException($"plugins folder {folder} cannot be used: {why}");
        if (Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal).FirstOrDefault() is { } loose)
            throw new PluginLoadException($"plugin '{Path.GetFileNameWithoutExtension(loose)}' ({loose}) cannot be loaded: "
                + "a plugin goes in a folder of its own, named as its assembly");
        return Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal).Select(Load).ToList();
    }

    private static LoadedPlugin Load(string pluginFolder)
    {
        var name = Path.GetFileName(pluginFolder);
        var path = Path.Combine(pluginFolder, name + ".dll");
        if (PluginFileTrust.FirstDistrusted(pluginFolder) is { } distrusted) throw Refused(name, distrusted.Path, distrusted.Why);
        if (!File.Exists(path)) throw Refused(name, path, $"the folder holds no {name}.dll");
        try
        {
            var assembly = new PluginLoadContext(path).LoadFromAssemblyPath(path);
            _ = assembly.GetTypes(); // every type now, so a missing dependency shows here and not in the middle of a request
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString() ?? "unversioned";
            return new LoadedPlugin(name, version, path, assembly);
        }
        catch (ReflectionTypeLoadException exception)
        {
            var cause = exception.LoaderExceptions.FirstOrDefault(e => e is not null)?.Message ?? exception.Message;
            throw Refused(name, path, cause);
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException or TypeLoadException)
        {
            throw Refused(name, path, exception.Message);
        }
    }

    private static PluginLoadException Refused(string name, string path, string cause) =>
        new($"plugin '{name}' ({path}) cannot be loaded: {OneLine(cause)}");

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
