using System.Runtime;
using System.Runtime.InteropServices;

namespace Conclave.Api.Hosting;

/// <summary>
/// Returns freed memory to the system: a full, compacting collection in aggressive mode (the heap gives back its free
/// space and the allocation budgets), then glibc's malloc_trim for the native memory that SQLite, TLS and the hashing
/// threads freed but the allocator kept. A few milliseconds for this server's heap.
/// </summary>
internal static class MemoryTrim
{
    private static bool _noMallocTrim;

    /// <returns>The bytes the managed heap commits afterwards.</returns>
    public static long Run()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
        return GC.GetGCMemoryInfo().TotalCommittedBytes;
    }

    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux() || _noMallocTrim) return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            _noMallocTrim = true; // not glibc: musl has no malloc_trim, and returns free memory by itself
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
