using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Persistence.DatabaseFiles;

/// <summary>
/// Stops start-up on a database file that is not ours before anything opens it for writing: EF Core's migrator would
/// otherwise add its tables to the operator's file and then fail on the first table of the same name.
/// </summary>
internal static class ForeignDatabaseGuard
{
    /// <exception cref="ForeignDatabaseException">The file is not ours (or cannot be read); it was not changed.</exception>
    public static async Task RequireOursOrNewAsync(string databasePath, CancellationToken cancellationToken)
    {
        DatabaseFileKind kind;
        try
        {
            kind = await DatabaseFileInspector.InspectAsync(databasePath, cancellationToken);
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
