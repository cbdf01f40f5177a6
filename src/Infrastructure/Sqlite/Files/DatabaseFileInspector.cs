using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>Tells what a database file holds without changing it (<see cref="SqliteFile"/>).</summary>
internal static class DatabaseFileInspector
{
    public const string HistoryTable = "__EFMigrationsHistory";
    private const string LockTable = "__EFMigrationsLock";

    // The tables every reference database has had since the UUID protocol (database.md); later ones may be missing.
    public static readonly string[] ReferenceCoreTables = ["users", "sessions", "groups", "group_members", "messages"];

    /// <exception cref="SqliteException">The file is an SQLite file that cannot be read (corrupt).</exception>
    public static DatabaseFileKind Inspect(string path)
    {
        if (new FileInfo(path) is not { Exists: true, Length: > 0 }) return DatabaseFileKind.New;
        if (!SqliteFile.HasSqliteHeader(path)) return DatabaseFileKind.NotSqlite;
        var kind = Inspect(SqliteFile.OpenImmutable(path));
        // The file alone shows no history of ours; its log may hold more (a file just created, not yet checkpointed).
        if (kind is DatabaseFileKind.Ours || !SqliteFile.HasWriteAheadLog(path)) return kind;
        using var snapshot = SqliteFileSnapshot.Of(path);
        return Inspect(snapshot.Open());
    }

    /// <summary>What the database on <paramref name="connection"/> holds; disposes the connection.</summary>
    private static DatabaseFileKind Inspect(SqliteConnection connection)
    {
        using (connection)
        {
            var tables = SqliteFile.TableNames(connection);
            // A history table with rows is ours. One without rows is what EF Core's migrator leaves when it fails on a
            // file that holds tables of its own (as it did on the reference's before this check).
            if (tables.Contains(HistoryTable) && SqliteFile.Count(connection, HistoryTable) > 0)
                return DatabaseFileKind.Ours;
            tables.Remove(HistoryTable);
            tables.Remove(LockTable);
            tables.RemoveWhere(name => name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase));
            if (tables.Count == 0) return DatabaseFileKind.New;
            return ReferenceCoreTables.All(tables.Contains) ? DatabaseFileKind.Reference : DatabaseFileKind.Foreign;
        }
    }
}
