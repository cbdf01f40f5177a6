using System.Diagnostics;

namespace Conclave.Benchmarks.Shared;

/// <summary>Finds the Release build of the server, building it first when it is missing.</summary>
public static class ServerBuild
{
    public static async Task<string> LocateAsync(string? given)
    {
        if (given is not null) return Path.GetFullPath(given);
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src", "Api", "bin", "Release", "net10.0", "Conclave.Api.dll");
        if (File.Exists(dll)) return dll;
        Console.WriteLine("building the server (Release)...");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(root, "src", "Api"), "-c", "Release"]))!;
        await build.WaitForExitAsync();
        return build.ExitCode == 0 && File.Exists(dll) ? dll : throw new InvalidOperationException("the Release build of the server failed");
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Conclave.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("run the benchmark from inside the repository, or pass --server");
    }
}
