using System.Security.Cryptography;

namespace Conclave.Interop.Tests.Support;

/// <summary>
/// `npm ci` in interop/, only when node_modules is missing or was installed from another package.json/lockfile
/// (a stamp with their hash is written after a successful install).
/// </summary>
public static class NodeModules
{
    private const string StampName = ".conclave-interop-stamp";
    private static readonly TimeSpan InstallSilence = TimeSpan.FromMinutes(5);

    public static async Task EnsureInstalledAsync(string interopFolder)
    {
        var expected = ManifestHash(interopFolder);
        var stamp = Path.Combine(interopFolder, "node_modules", StampName);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == expected) return;

        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var install = await ChildProcess.RunAsync(npm, ["ci", "--no-audit", "--no-fund"], interopFolder, new Dictionary<string, string>(), InstallSilence);
        Assert.True(install.ExitCode == 0, $"npm ci in {interopFolder} failed (exit {install.ExitCode}):\n{install.Output}");
        await File.WriteAllTextAsync(stamp, expected);
    }

    private static string ManifestHash(string interopFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in new[] { "package.json", "package-lock.json" })
            hash.AppendData(File.ReadAllBytes(Path.Combine(interopFolder, name)));
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
