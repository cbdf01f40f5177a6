using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>
/// Reads an SQLite file that may not be ours without changing a byte of it or creating anything beside it. SQLite's
/// read-only mode still creates <c>-wal</c> and <c>-shm</c> beside a WAL-mode file, so the file is opened as
/// <c>immutable</c> (no locks, no side files, its <c>-wal</c> unread), and when what its <c>-wal</c> holds may matter,
/// a copy of the file and its <c>-wal</c> is read instead (<see cref="SqliteFileSnapshot"/>).
/// </summary>
internal static class SqliteFile
{
    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Whether the file starts with SQLite's header (a zero-length file does not).</summary>
    public static bool HasSqliteHeader(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(Magic);
    }

    /// <summary>A connection that reads <paramref name="path"/> as it is on disk, ignoring its <c>-wal</c>.</summary>
    public static SqliteConnection OpenImmutable(string path)
    {
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1";
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = uri,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Whether a <c>-wal</c> beside <paramref name="path"/> may hold commits not yet in the file.</summary>
    public static bool HasWriteAheadLog(string path) => new FileInfo(path + "-wal") is { Exists: true, Length: > 0 };

    public static HashSet<string> TableNames(SqliteConnection connection)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // as SQLite compares them
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var rows = command.ExecuteReader();
        while (rows.Read()) names.Add(rows.GetString(0));
        return names;
    }

    public static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
