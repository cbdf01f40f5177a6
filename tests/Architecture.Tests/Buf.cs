
namespace Conclave.Architecture.Tests;

/// <summary>The buf CLI of tools/buf/ (npm package @bufbuild/buf), installed with `npm ci` on first use.</summary>
public static class Buf
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tools", "buf");

    /// <summary>Runs buf in <paramref name="workingDirectory"/> with only the environment given added to this one's.</summary>
    public static async Task<ChildProcess.Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        await Install.WaitAsync();
        try
        {
            await NodeModules.EnsureInstalledAsync(Folder);
        }
        finally
        {
            Install.Release();
        }
        var program = Path.Combine(Folder, "node_modules", ".bin", OperatingSystem.IsWindows() ? "buf.cmd" : "buf");
        return await ChildProcess.RunAsync(program, arguments, workingDirectory, environment ?? new Dictionary<string, string>(), Timeout);
    }
}
