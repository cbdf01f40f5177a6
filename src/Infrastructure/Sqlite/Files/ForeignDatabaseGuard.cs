using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Files;

/// <summary>
/// Stops start-up on a database file that is not ours before anything opens it or puts a file beside it: EF Core's
/// migrator would otherwise add its tables to the operator's file and then fail on the first table of the same name.
/// The server and the admin commands call it first, before their services are composed (some of which, once
/// resolved, create the <c>-access</c> marker beside the database).
/// </summary>
public static class ForeignDatabaseGuard
{
    /// <exception cref="ForeignDatabaseException">The file is not ours (or cannot be read); it was not changed.</exception>
    public static void RequireOursOrNew(string databasePath)
    {
        DatabaseFileKind kind;
        try
        {
            kind = DatabaseFileInspector.Inspect(databasePath);
        }
        catch (SqliteException unreadable)
        {
            throw new ForeignDatabaseException($"database_path '{databasePath}' cannot be read as an SQLite database ({unreadable.Message}); it was left as it was");
        }
        var reason = kind switch
        {
            DatabaseFileKind.Reference => "is a reference server database; it was left as it was. Import it into a new file with " +
                                          $"`conclave-server admin import-reference {databasePath} --into NEW.db` and set database_path to that file",
            DatabaseFileKind.Foreign => "holds tables but no migration history of this server; it was left as it was. Set database_path to this server's database or to a new file",
            DatabaseFileKind.NotSqlite => "is not an SQLite database; it was left as it was",
            _ => null,
        };
        if (reason is not null) throw new ForeignDatabaseException($"database_path '{databasePath}' {reason}");
    }
}
