using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>
/// A copy of an SQLite file and its <c>-wal</c> in a folder of its own under the temp folder, read as SQLite reads the
/// original (what the log holds included) while the original stays as it was; the folder goes when disposed.
/// </summary>
internal sealed class SqliteFileSnapshot : IDisposable
{
    private readonly string _folder;

    private SqliteFileSnapshot(string folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    /// <summary>The copy of the database file.</summary>
    public string Path { get; }

    public static SqliteFileSnapshot Of(string source)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "conclave-snapshot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var snapshot = new SqliteFileSnapshot(folder, System.IO.Path.Combine(folder, "source.db"));
        try
        {
            // The log first: a checkpoint between the two copies then leaves its frames in both, never in neither.
            if (File.Exists(source + "-wal")) File.Copy(source + "-wal", snapshot.Path + "-wal");
            File.Copy(source, snapshot.Path);
            return snapshot;
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    /// <summary>A connection of its own to the copy (which SQLite may write: it folds the log in there).</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } // a handle still open: the temp folder keeps it
    }
}
