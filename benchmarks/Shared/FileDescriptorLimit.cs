using System.Runtime.InteropServices;

namespace Conclave.Benchmarks.Shared;

// Ten thousand streams need ten thousand sockets on each side: raise the soft limit of open files to the hard
// limit (what `ulimit -n` would do); the server, started from here, inherits it.
public static partial class FileDescriptorLimit
{
    private const int RlimitNofile = 7; // Linux

    public static ulong RaiseToHardLimit()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        if (GetRlimit(RlimitNofile, out var limit) != 0) return 0;
        limit.Current = limit.Maximum;
        _ = SetRlimit(RlimitNofile, ref limit);
        return GetRlimit(RlimitNofile, out limit) == 0 ? limit.Current : 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetRlimit(int resource, out Rlimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetRlimit(int resource, ref Rlimit limit);
}
