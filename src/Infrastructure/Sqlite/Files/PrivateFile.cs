namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>
/// The database and the files beside it hold password hashes and session hashes: whatever the umask, the server
/// creates them readable by its own user only (0600). SQLite gives the <c>-wal</c>, <c>-shm</c> and <c>-journal</c>
/// files it creates the database file's mode, each time it recreates them, so creating the database file so is enough
/// for those; the access marker is created here too.
/// </summary>
internal static class PrivateFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Opens the file, creating it 0600 if it is missing; an existing file keeps its mode.</summary>
    public static FileStream OpenOrCreate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite | FileShare.Delete };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        return new FileStream(path, options);
    }

    /// <summary>Creates an empty file 0600 unless one exists: SQLite then opens it as a new database.</summary>
    public static void CreateIfMissing(string path)
    {
        if (!File.Exists(path)) OpenOrCreate(path).Dispose();
    }
}
