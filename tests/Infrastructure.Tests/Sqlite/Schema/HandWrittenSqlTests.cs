using System.Reflection;
using System.Text.RegularExpressions;
using Group = Conclave.Domain.Groups.Group;
using Conclave.Application.Retention;
using Conclave.Domain.Groups;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Configurations;
using Conclave.Infrastructure.Sqlite.Lookups;
using Conclave.Infrastructure.Sqlite.Messages;
using Conclave.Infrastructure.Tests.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite.Schema;

// The SQLite engine's hand-written statements name the tables and columns the EF mapping creates: each is prepared
// (SQLite then resolves every table and column) against a database migrated afresh, and what the statements assume of
// the mapping (a column's name, the integers a role is stored as) is checked against the mapping itself.
public sealed partial class HandWrittenSqlTests : IAsyncLifetime
{
    // Every file of Infrastructure/Sqlite that writes SQL, and how it is checked. A new file with SQL fails
    // Every_file_with_sql_is_checked until it is added here, with a check.
    private static readonly Dictionary<string, string> Checked = new()
    {
        ["Messages/FetchWatermarkUpsert.cs"] = "its constant is prepared",
        ["Messages/SnapshotPage.cs"] = "its constants are prepared",
        ["Lookups/LookupConnection.cs"] = "its constants are prepared, and it opens (preparing them) on a fresh database",
        ["Messages/MessageLogStatements.cs"] = "it opens, preparing every statement, on a fresh database",
        ["Retention/SqliteRetentionStore.cs"] = "every delete runs on a fresh database",
        ["ReferenceImport/ImportStatements.cs"] = "TargetHoldsAnything is prepared; the statements reading the reference's tables run in Api.IntegrationTests' ReferenceImportTests",
        ["ReferenceImport/ReferenceImporter.cs"] = "reads the attached reference database only (ReferenceImportTests)",
        ["ReferenceImport/ReferenceSchema.cs"] = "reads the reference database's catalogue only (ReferenceImportTests)",
        ["Schema/MigrationHistory.cs"] = "reads EF's migration history and SQLite's catalogue only (MigrationHistoryTests)",
        ["Schema/SchemaScript.cs"] = "reads SQLite's catalogue; runs EF's own script (SchemaScriptTests)",
        ["Files/DatabaseBackup.cs"] = "reads EF's migration history and SQLite's catalogue only (the backup command's tests)",
        ["Files/SqliteFile.cs"] = "reads SQLite's catalogue, or counts a table it is given",
    };

    private static readonly string SqliteFolder = Path.Combine(RepositoryRoot(), "src", "Infrastructure", "Sqlite");

    private readonly SqliteDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void Every_file_with_sql_is_checked()
    {
        var withSql = Directory.EnumerateFiles(SqliteFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => Statement().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(SqliteFolder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order()
            .ToList();
        Assert.Empty(withSql.Except(Checked.Keys));
        Assert.Empty(Checked.Keys.Except(withSql)); // a file that no longer writes SQL leaves the list
    }

    [Fact]
    public void Every_sql_constant_prepares_on_a_fresh_database()
    {
        var constants = typeof(ConclaveDbContext).Assembly.GetTypes()
            .Where(type => type.Namespace?.StartsWith("Conclave.Infrastructure.Sqlite", StringComparison.Ordinal) == true)
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
                .Select(field => (Name: $"{type.Name}.{field.Name}", Sql: (string)field.GetRawConstantValue()!)))
            .Where(constant => Statement().IsMatch(constant.Sql))
            .ToList();
        Assert.Superset(new HashSet<string> { "FetchWatermarkUpsert.Sql", "SnapshotPage.HeadersSql", "SnapshotPage.ContentsSql",
            "LookupConnection.SessionSql", "LookupConnection.RoleSql", "ImportStatements.TargetHoldsAnything" },
            constants.Select(constant => constant.Name).ToHashSet());

        using var connection = Open();
        foreach (var (name, sql) in constants)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var failure = Record.Exception(command.Prepare);
            Assert.True(failure is null, $"{name}: {failure?.Message}");
        }
    }

    [Fact]
    public void The_statement_owners_prepare_theirs_on_a_fresh_database()
    {
        var connectionString = ConnectionString();
        MessageLogStatements.Open(connectionString).Dispose();
        new LookupConnection(connectionString).Dispose();
    }

    [Fact]
    public async Task Every_retention_delete_runs_on_a_fresh_database()
    {
        var store = _database.Services.GetRequiredService<IRetentionStore>();
        Assert.Equal(0, await store.DeleteExpiredSessionsAsync(now: 100, batchSize: 10, default));
        Assert.Equal(0, await store.DeleteInvitesCreatedBeforeAsync(cutoff: 100, batchSize: 10, default));
        Assert.Equal(0, await store.DeleteAgedMessagesAsync(now: 100, serverRetention: 60, batchSize: 10, default));
        Assert.Equal(0, await store.DeleteFetchedMessagesAsync(serverRetention: 0, batchSize: 10, default));
    }

    [Fact]
    public async Task The_columns_the_statements_share_with_ef_are_mapped_as_they_assume()
    {
        await using var scope = _database.Scope();
        var model = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>().GetService<IDesignTimeModel>().Model;

        var counter = model.FindEntityType(typeof(Group))!.FindProperty(GroupConfiguration.LastSequence)!;
        Assert.Equal(("groups", "last_sequence"), (counter.DeclaringType.GetTableName(), counter.GetColumnName()));

        // LookupConnection reads the role as the integer EF stores; a mapping that stores anything else breaks it.
        var role = model.GetEntityTypes().Single(type => type.ClrType == typeof(GroupMember)).FindProperty(nameof(GroupMember.Role))!;
        Assert.Equal(("group_members", "role"), (role.DeclaringType.GetTableName(), role.GetColumnName()));
        var stored = role.GetTypeMapping().Converter;
        foreach (var value in Enum.GetValues<GroupRole>())
            Assert.Equal((long)(int)value, Convert.ToInt64(stored is null ? value : stored.ConvertToProvider(value)));
    }

    private string ConnectionString() => new SqliteConnectionStringBuilder { DataSource = _database.FilePath }.ToString();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString());
        connection.Open();
        return connection;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Conclave.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Conclave.sln not found above the test assembly");
    }

    // A statement of SQL in C# source: a keyword opening a string, or a line of a raw string literal.
    [GeneratedRegex(@"(?m)""\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\s|^\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH)\s")]
    private static partial Regex Statement();
}
