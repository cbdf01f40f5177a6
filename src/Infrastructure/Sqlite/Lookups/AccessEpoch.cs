using System.IO.MemoryMappedFiles;
using Conclave.Infrastructure.Sqlite.Files;
using Conclave.Infrastructure.Sqlite.Schema;

namespace Conclave.Infrastructure.Sqlite.Lookups;

/// <summary>
/// Counts the commits that may have changed a session or a membership, so that a read kept by
/// <see cref="KeptReads{TKey,TValue}"/> is served only until the next one. This process's writers advance it as they
/// leave the write gate. Another process's writers (an admin command, a second server) are seen through a marker file
/// beside the database: every advance writes a fresh random value into it, and <see cref="Current"/> checks whether
/// the marker still holds the value this process saw last. So another process's change counts from the first check
/// after its commit. The marker is mapped into memory, so a check is one load, not a system call; like SQLite's own
/// mapped <c>-shm</c> file beside it, it must not be truncated while a process has it open. Values are never compared
/// with what a process wrote itself, only with what it last saw: a mark overwritten before a process looked still
/// leaves one it has not seen, and a process's own advance has ended its kept reads already.
/// The marker's second 8 bytes are <see cref="SessionEndMark"/>'s, marked the same way when sessions end.
/// </summary>
internal sealed class AccessEpoch : IDisposable
{
    public const string MarkerSuffix = "-access";
    private const int AccessSlot = 0, SessionsEndedSlot = sizeof(long), MarkerBytes = 2 * sizeof(long);

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _marker;
    private long _value;
    private long _seen;

    public AccessEpoch(string databasePath)
    {
        // Possibly before DatabaseInitializer has made the database's folder.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        var marker = PrivateFile.OpenOrCreate(databasePath + MarkerSuffix);
        // A new marker (or one of 8 bytes, before the session-end mark) grows to its 16 bytes here; it never
        // shrinks. The mapping owns the file from here on.
        _file = MemoryMappedFile.CreateFromFile(marker, null, MarkerBytes, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        _marker = _file.CreateViewAccessor(0, MarkerBytes);
        _seen = _marker.ReadInt64(AccessSlot);
    }

    /// <summary>Read before the database: a value read after this call is kept under it.</summary>
    public long Current
    {
        get
        {
            var marker = _marker.ReadInt64(AccessSlot);
            if (marker != Volatile.Read(ref _seen))
            {
                // Advanced before the new mark counts as seen: a concurrent caller that finds it seen already gets
                // the new epoch, never a kept answer from before the change.
                Interlocked.Increment(ref _value);
                Volatile.Write(ref _seen, marker);
            }
            return Volatile.Read(ref _value);
        }
    }

    /// <summary>Called once a write that may have changed sessions or memberships has committed.</summary>
    public void Advance()
    {
        Interlocked.Increment(ref _value);
        _marker.Write(AccessSlot, Random.Shared.NextInt64()); // one aligned 8-byte store: read whole or not at all
    }

    /// <summary>The session-end mark: a value that changes whenever any process has marked sessions ended.</summary>
    internal long SessionsEndedMark => _marker.ReadInt64(SessionsEndedSlot);

    internal void MarkSessionsEnded() => _marker.Write(SessionsEndedSlot, Random.Shared.NextInt64());

    public void Dispose()
    {
        _marker.Dispose();
        _file.Dispose();
    }
}
