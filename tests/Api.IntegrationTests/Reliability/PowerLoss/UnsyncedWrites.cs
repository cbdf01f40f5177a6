using System.Buffers.Binary;
using System.Diagnostics;

namespace Conclave.Api.IntegrationTests.Reliability.PowerLoss;

/// <summary>
/// The test-only LD_PRELOAD library <c>unsynced_writes.c</c> (copied next to the test assembly), compiled with gcc into
/// <paramref name="folder"/>; the environment that loads it into a server life; and, after the life was SIGKILLed, the
/// undoing of every change to the database files that no completed fsync covered, as a power loss would.
/// </summary>
public sealed class UnsyncedWrites(string folder, string databasePath)
{
    // The tracked files, in the order of the library's file numbers.
    private static readonly string[] Suffixes = ["", "-wal", "-journal"];
    private const int HeaderSize = 24;

    private readonly string _library = Build(folder);

    private string JournalPath(int life) => Path.Combine(folder, $"unsynced-{life}.journal");

    /// <param name="dropFsync">The server's fsyncs of the database files do nothing (a server that skips them).</param>
    public IReadOnlyDictionary<string, string> Environment(int life, bool dropFsync) => new Dictionary<string, string>
    {
        ["LD_PRELOAD"] = _library,
        ["UNSYNCED_DATABASE"] = databasePath,
        ["UNSYNCED_JOURNAL"] = JournalPath(life),
        ["UNSYNCED_DROP_FSYNC"] = dropFsync ? "1" : "0",
    };

    /// <summary>
    /// Run once the life's process is dead: restores, newest first, what each unsynced change overwrote and the size
    /// the file had, and deletes the -shm file (shared memory, gone after a reboot). Returns the changes undone.
    /// </summary>
    public int LosePower(int life)
    {
        var records = Read(JournalPath(life));
        var undone = 0;
        for (var file = 0; file < Suffixes.Length; file++)
        {
            var synced = records.Where(r => r.Kind == 'E' && r.File == file).Select(r => r.Offset).ToHashSet();
            // What was written before the last fsync that began and returned is on disk; before an unlink, it is gone.
            var since = records.FindLastIndex(r => r.File == file && (r.Kind == 'U' || r.Kind == 'B' && synced.Contains(r.Offset))) + 1;
            var unsynced = records.Skip(since).Where(r => r.Kind == 'W' && r.File == file).Reverse().ToList();
            if (unsynced.Count == 0) continue;
            using var handle = File.OpenHandle(databasePath + Suffixes[file], FileMode.Open, FileAccess.ReadWrite);
            foreach (var change in unsynced)
            {
                RandomAccess.Write(handle, change.Overwritten, change.Offset);
                RandomAccess.SetLength(handle, change.Size);
            }
            undone += unsynced.Count;
        }
        File.Delete(databasePath + "-shm");
        return undone;
    }

    /// <summary>
    /// Waits (1 ms polls, up to 10 s) until the life's journal shows a database file changed since its last fsync
    /// began, so that a kill that follows at once most likely finds an unsynced change to undo.
    /// </summary>
    public async Task UnsyncedMomentAsync(int life)
    {
        using var journal = File.OpenHandle(JournalPath(life), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var unsynced = new bool[Suffixes.Length];
        var header = new byte[HeaderSize];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        long at = 0;
        while (!unsynced.Contains(true) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
            // A header is written before its change starts; its pre-image bytes may still be on their way.
            for (; at + HeaderSize <= RandomAccess.GetLength(journal); at += HeaderSize + BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)))
            {
                RandomAccess.Read(journal, header, at);
                if (header[0] is (byte)'W' or (byte)'B') unsynced[header[1]] = header[0] == 'W';
            }
        }
    }

    private sealed record Record(char Kind, int File, long Offset, long Size, byte[] Overwritten);

    // Headers in the machine's byte order (struct record in unsynced_writes.c); a record the kill cut short described
    // a change that never started.
    private static List<Record> Read(string journal)
    {
        var bytes = File.ReadAllBytes(journal);
        var records = new List<Record>();
        for (var at = 0; at + HeaderSize <= bytes.Length;)
        {
            var header = bytes.AsSpan(at, HeaderSize);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            if (at + HeaderSize + length > bytes.Length) break;
            records.Add(new Record((char)header[0], header[1], BinaryPrimitives.ReadInt64LittleEndian(header[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(header[16..]), bytes[(at + HeaderSize)..(at + HeaderSize + length)]));
            at += HeaderSize + length;
        }
        return records;
    }

    private static string Build(string folder)
    {
        var library = Path.Combine(folder, "unsynced_writes.so");
        var source = Path.Combine(AppContext.BaseDirectory, "Reliability", "PowerLoss", "unsynced_writes.c");
        using var gcc = Process.Start(new ProcessStartInfo("gcc", ["-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-o", library, source, "-ldl", "-lpthread"])
        {
            RedirectStandardError = true,
        })!;
        var errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        Assert.True(gcc.ExitCode == 0, $"gcc could not build {source}: {errors}");
        return library;
    }
}
