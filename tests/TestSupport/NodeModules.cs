using System.Security.Cryptography;
using Xunit;

namespace Conclave.TestSupport;

/// <summary>
/// `npm ci` in a folder of the repository (interop/, tools/buf/), only when node_modules is missing or was installed
/// from another package.json/lockfile (a stamp with their hash is written after a successful install).
/// </summary>
public static class NodeModules
{
    private const string StampName = ".conclave-npm-stamp";
    private static readonly TimeSpan InstallSilence = TimeSpan.FromMinutes(5);

    public static async Task EnsureInstalledAsync(string folder)
    {
        var expected = ManifestHash(folder);
        var stamp = Path.Combine(folder, "node_modules", StampName);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == expected) return;

        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var install = await ChildProcess.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], folder, new Dictionary<string, string>(), InstallSilence);
        Assert.True(install.ExitCode == 0, $"npm ci in {folder} failed (exit {install.ExitCode}):\n{install.Output}");
        await File.WriteAllTextAsync(stamp, expected);
    }

    private static string ManifestHash(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in new[] { "package.json", "package-lock.json" })
            hash.AppendData(File.ReadAllBytes(Path.Combine(folder, name)));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
