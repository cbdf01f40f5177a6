using System.Runtime.InteropServices;

namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>
/// Whether another process has an SQLite database open, seen from its POSIX record locks without taking any: a
/// connection to a WAL-mode file holds a shared lock on the file for as long as it is open (the reference server keeps
/// one open all the time), and a writer to a rollback-journal file holds one while it writes. Asked with F_GETLK, which
/// changes nothing. Linux only; elsewhere nothing is reported.
/// </summary>
internal static class SqliteFileLocks
{
    private const int GetLock = 5; // F_GETLK
    private const short WriteLock = 1, Unlocked = 2; // F_WRLCK, F_UNLCK

    /// <summary>The id of a process holding a lock on the file, or null when none does (or it cannot be told).</summary>
    public static int? HolderOf(string path)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64)) return null;
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        // Could a write lock be placed on the whole file? If not, the answer names a lock in the way and its owner.
        var probe = new Flock { Type = WriteLock, Whence = 0, Start = 0, Length = 0 };
        if (Fcntl(file.DangerousGetHandle().ToInt32(), GetLock, ref probe) != 0) return null;
        return probe.Type == Unlocked ? null : probe.ProcessId;
    }

    // struct flock on 64-bit Linux: short l_type, short l_whence, off_t l_start, off_t l_len, pid_t l_pid.
    [StructLayout(LayoutKind.Sequential, Size = 32)]
    private struct Flock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int ProcessId;
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int descriptor, int command, ref Flock flock);
}
