using Microsoft.Data.Sqlite;

namespace Conclave.TestSupport;

/// <summary>
/// A folder of its own under the temp folder, for a test that gives the server files (configuration, database,
/// plugins, certificates); removed afterwards, once SQLite's pool has let go of any database in it.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"conclave-{purpose}", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <returns>The full path of the file written.</returns>
    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } // a file a child process still holds
    }
}
