using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conclave.Infrastructure.Tests.Sqlite.Schema;

// A new database is created from Migrations/Schema.sql instead of by EF Core's migrator (SchemaScript): the script
// must be the one EF Core writes for this build's migrations, and give the database the migrator gives.
public sealed class SchemaScriptTests : IDisposable
{
    private const string Regenerate = "dotnet ef migrations script -p src/Infrastructure -s src/Infrastructure " +
                                      "-o src/Infrastructure/Sqlite/Migrations/Schema.sql";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));

    public SchemaScriptTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_script_is_the_one_EF_Core_writes_for_the_migrations()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var expected = db.GetService<IMigrator>().GenerateScript();

        Assert.True(Lines(expected).SequenceEqual(Lines(EmbeddedScript())), $"Migrations/Schema.sql is stale; run `{Regenerate}`.");
    }

    [Fact]
    public async Task A_database_from_the_script_is_the_one_the_migrator_makes()
    {
        var scripted = Path.Combine(_folder, "scripted.db");
        var migrated = Path.Combine(_folder, "migrated.db");

        Assert.True(await SchemaScript.TryCreateAsync(scripted, default));
        await using (var db = Context(migrated)) await db.Database.MigrateAsync();

        Assert.Equal(await DescribeAsync(migrated), await DescribeAsync(scripted));
    }

    [Fact]
    public async Task A_database_that_holds_anything_is_left_to_the_migrator()
    {
        var path = Path.Combine(_folder, "other.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE other (x INTEGER)";
            await command.ExecuteNonQueryAsync();
        }

        Assert.False(await SchemaScript.TryCreateAsync(path, default));
        Assert.Equal(["table other CREATE TABLE other (x INTEGER)"], await DescribeAsync(path));
    }

    private static ConclaveDbContext Context(string path) =>
        new(new DbContextOptionsBuilder<ConclaveDbContext>().UseSqlite($"Data Source={path}").Options);

    // Every table, index and trigger with its SQL, then the history rows; not the migrator's lock table, which it
    // creates for itself (CREATE TABLE IF NOT EXISTS) whenever it runs.
    private static async Task<List<string>> DescribeAsync(string path)
    {
        var described = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, sql FROM sqlite_master WHERE name != '__EFMigrationsLock' ORDER BY type, name";
        await using (var rows = await command.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync())
                described.Add($"{rows.GetString(0)} {rows.GetString(1)}{(rows.IsDBNull(2) ? "" : " " + rows.GetString(2))}");
        }
        if (!described.Any(line => line.StartsWith("table __EFMigrationsHistory ", StringComparison.Ordinal))) return described;
        command.CommandText = "SELECT MigrationId, ProductVersion FROM __EFMigrationsHistory ORDER BY MigrationId";
        await using (var rows = await command.ExecuteReaderAsync())
        {
            while (await rows.ReadAsync()) described.Add($"history {rows.GetString(0)} {rows.GetString(1)}");
        }
        return described;
    }

    private static string EmbeddedScript()
    {
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream("Schema.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string> Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd().Split('\n');
}
