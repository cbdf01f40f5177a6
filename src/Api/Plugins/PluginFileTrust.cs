using System.Runtime.InteropServices;
using System.Text;

namespace Conclave.Api.Plugins;

/// <summary>
/// A plugin runs with every right of the process that loads it, so only whoever may change the server may change a
/// plugin: the plugins folder, each plugin's folder and everything in it is refused when it is a symbolic link (it
/// could point anywhere), writable by its group or by others, or owned by anyone but root or the user the process runs
/// as. A process running as root (an admin command, typically) therefore loads only what root owns.
/// </summary>
internal static class PluginFileTrust
{
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    private const uint Root = 0;

    /// <summary>The first entry of <paramref name="path"/> and everything below it (in name order) that is refused, and why.</summary>
    public static (string Path, string Why)? FirstDistrusted(string path)
    {
        if (Distrust(path) is { } why) return (path, why);
        if (!Directory.Exists(path)) return null; // a file; a link to a folder was refused above, so never followed
        return Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal).Select(FirstDistrusted).FirstOrDefault(found => found is not null);
    }

    /// <returns>Why <paramref name="path"/> may not be loaded from, or null when it may.</returns>
    public static string? Distrust(string path)
    {
        if (OperatingSystem.IsWindows()) return null; // the server runs on Linux; Windows has neither modes nor uids
        FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (entry.LinkTarget is not null) return "it is a symbolic link";
        if ((entry.UnixFileMode & WritableByOthers) != 0)
            return $"it is writable by its group or by others (mode {Convert.ToString((int)entry.UnixFileMode, 8)}; chmod go-w)";
        if (!OperatingSystem.IsLinux()) return null;
        var statx = new byte[256];
        if (Statx(AtCurrentDirectory, Encoding.UTF8.GetBytes(path + '\0'), AtSymlinkNoFollow, StatxUid, statx) != 0)
            return $"its owner cannot be read (errno {Marshal.GetLastPInvokeError()})";
        var owner = BitConverter.ToUInt32(statx, StatxUidOffset);
        if (owner != Root && owner != EffectiveUserId())
            return EffectiveUserId() == Root
                ? $"it is owned by uid {owner}, and a process running as root loads only what root owns"
                : $"it is owned by uid {owner}, neither root nor the user the server runs as (uid {EffectiveUserId()})";
        return null;
    }

    // statx (Linux 4.11, glibc 2.28) because its result has one layout on every architecture, unlike stat's.
    private const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100, StatxUidOffset = 20;
    private const uint StatxUid = 0x8;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint EffectiveUserId();
}
