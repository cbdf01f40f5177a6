using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Schema;

/// <summary>
/// Creates a new database from the script of every migration that `dotnet ef migrations script` writes
/// (Migrations/Schema.sql, embedded; SchemaScriptTests fails when it is stale): the tables, indexes and history rows
/// EF Core's migrator would write, without loading the migrator, which builds its history table's model and each
/// migration's target model from the conventions, code and type data that would stay in memory as long as the server
/// runs. A database that is not new (anything in it) is left to the migrator.
/// </summary>
internal static class SchemaScript
{
    private static readonly Lazy<string> Statements = new(Read);

    /// <returns>False, having changed nothing, when the database file already holds something.</returns>
    public static async Task<bool> TryCreateAsync(string databasePath, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(cancellationToken);
        // BEGIN IMMEDIATE: a second process creating the same file waits here, then finds it not new.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) != 0) return false;
        command.CommandText = Statements.Value;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // The script's own BEGIN TRANSACTION and COMMIT go: it runs whole inside the transaction above.
    private static string Read()
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream("Schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("BEGIN TRANSACTION;", "").Replace("COMMIT;", "");
    }
}
