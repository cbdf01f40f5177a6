using Conclave.Infrastructure.Sqlite.Files;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.ReferenceImport;

/// <summary>
/// Which of the reference's tables and later columns a source database has (database.md): an older build of the same
/// revision line may lack four columns and two tables, whose values then are their defaults.
/// </summary>
internal sealed class ReferenceSchema
{
    private readonly Dictionary<string, Dictionary<string, string>> _columns; // table → column → declared type

    private ReferenceSchema(Dictionary<string, Dictionary<string, string>> columns) => _columns = columns;

    public bool HasTable(string table) => _columns.ContainsKey(table);

    public bool HasColumn(string table, string column) => _columns.TryGetValue(table, out var columns) && columns.ContainsKey(column);

    /// <summary><paramref name="column"/> of the alias <paramref name="row"/>, or <paramref name="fallback"/> where the source lacks it.</summary>
    public string ColumnOr(string table, string row, string column, string fallback) =>
        HasColumn(table, column) ? $"coalesce({row}.{column}, {fallback})" : fallback;

    /// <exception cref="ImportRefusedException">The source is not a reference database of the UUID protocol.</exception>
    public static async Task<ReferenceSchema> ReadAsync(SqliteConnection source, string sourcePath, CancellationToken cancellationToken)
    {
        var tables = SqliteFile.TableNames(source);
        if (tables.Contains(DatabaseFileInspector.HistoryTable))
            throw new ImportRefusedException($"'{sourcePath}' is a database of this server (it has its migration history), not the reference server's");
        if (DatabaseFileInspector.ReferenceCoreTables.FirstOrDefault(table => !tables.Contains(table)) is { } missing)
            throw new ImportRefusedException($"'{sourcePath}' is not a reference server database: it has no table '{missing}'");
        var columns = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            var declared = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            await using var command = source.CreateCommand();
            command.CommandText = "SELECT name, type FROM pragma_table_info($table)";
            command.Parameters.AddWithValue("$table", table);
            await using var rows = await command.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken)) declared[rows.GetString(0)] = rows.GetString(1);
            columns[table] = declared;
        }
        var schema = new ReferenceSchema(columns);
        // 0.1.0 and 0.1.1: integer ids, and creation times on users and groups.
        if (columns["users"].TryGetValue("id", out var idType) && idType.Contains("INT", StringComparison.OrdinalIgnoreCase)
            || schema.HasColumn("users", "created_at") || schema.HasColumn("groups", "created_at"))
            throw new ImportRefusedException(
                $"'{sourcePath}' is a database of the reference server 0.1.x, whose users and groups have integer ids: its clients' " +
                "MLS identities are those integers, which the UUID protocol cannot express, so nothing of it can be carried over");
        return schema;
    }
}
