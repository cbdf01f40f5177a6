using System.Reflection;
using System.Runtime.Loader;

namespace Conclave.Api.Plugins;

// One context per plugin, so plugins may carry different versions of their own dependencies. Whatever the server
// itself has (Conclave.Plugins.Abstractions, MediatR, Microsoft.Extensions.*, the framework) comes from the server:
// a plugin's copy of those would be a different type to the server, and its handlers would never be found.
internal sealed class PluginLoadContext(string assemblyPath) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(assemblyPath))
{
    private readonly AssemblyDependencyResolver _resolver = new(assemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsServers(assemblyName)) return null; // null: the default context loads the server's copy
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    private static bool IsServers(AssemblyName assemblyName)
    {
        try
        {
            Default.LoadFromAssemblyName(assemblyName);
            return true;
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return false;
        }
    }
}
