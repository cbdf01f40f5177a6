using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Conclave.Infrastructure.Persistence.Lookups;

/// <summary>
/// Counts the commits that may have changed a session or a membership, so that a read kept by
/// <see cref="KeptReads{TKey,TValue}"/> is served only until the next one. This process's writers advance it as they
/// leave the write gate. Another process's writers (an admin command, a second server) are seen through a marker file
/// beside the database: every advance writes a fresh random value into it, and <see cref="Current"/> checks whether
/// the marker still holds the value this process saw last (one pread). So another process's change counts from the
/// first check after its commit. Values are never compared with what a process wrote itself, only with what it last
/// saw: a mark overwritten before a process looked still leaves one it has not seen, and a process's own advance has
/// ended its kept reads already.
/// </summary>
internal sealed class AccessEpoch : IDisposable
{
    public const string MarkerSuffix = "-access";

    private readonly SafeFileHandle _marker;
    private long _value;
    private long _seen;

    public AccessEpoch(string databasePath)
    {
        // Possibly before DatabaseInitializer has made the database's folder.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _marker = File.OpenHandle(databasePath + MarkerSuffix, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        _seen = ReadMarker();
    }

    /// <summary>Read before the database: a value read after this call is kept under it.</summary>
    public long Current
    {
        get
        {
            var marker = ReadMarker();
            if (marker != Volatile.Read(ref _seen))
            {
                Volatile.Write(ref _seen, marker);
                Interlocked.Increment(ref _value);
            }
            return Volatile.Read(ref _value);
        }
    }

    /// <summary>
    /// As <see cref="Current"/> without looking at the marker: for a look-up that follows one through
    /// <see cref="Current"/> in the same request, which has just looked.
    /// </summary>
    public long Known => Volatile.Read(ref _value);

    /// <summary>Called once a write that may have changed sessions or memberships has committed.</summary>
    public void Advance()
    {
        Interlocked.Increment(ref _value);
        Span<byte> fresh = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(fresh, Random.Shared.NextInt64());
        RandomAccess.Write(_marker, fresh, 0);
    }

    public void Dispose() => _marker.Dispose();

    // A torn or short read (a marker being written, a new empty file) is at worst a change seen once too often.
    private long ReadMarker()
    {
        Span<byte> value = stackalloc byte[sizeof(long)];
        return RandomAccess.Read(_marker, value, 0) == sizeof(long) ? BinaryPrimitives.ReadInt64LittleEndian(value) : 0;
    }
}
