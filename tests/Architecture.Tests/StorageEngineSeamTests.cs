using System.Reflection;
using System.Text.RegularExpressions;

namespace Conclave.Architecture.Tests;

// One seam per storage engine (docs/architecture.md): what knows SQLite lives under src/Infrastructure/Sqlite, so a
// second engine is a sibling folder. Elsewhere the engine is chosen by name (AddSqliteStorage, the admin commands'
// file tools) but its library, its pragmas and its durability steps appear nowhere.
public sealed partial class StorageEngineSeamTests
{
    private static readonly string Sources = Path.Combine(RepositoryPaths.Root, "src");
    private static readonly string SqliteFolder = Path.Combine(Sources, "Infrastructure", "Sqlite") + Path.DirectorySeparatorChar;

    [Fact]
    public void Only_the_sqlite_folder_uses_the_sqlite_library_or_its_pragmas()
    {
        var offenders = SourceFiles(Sources)
            .Where(file => !file.StartsWith(SqliteFolder, StringComparison.Ordinal))
            .Where(file => SqliteLibrary().IsMatch(File.ReadAllText(file)))
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("Domain")]
    [InlineData("Application")]
    public void The_inner_layers_name_no_storage_engine_or_durability_step(string layer)
    {
        var offenders = SourceFiles(Path.Combine(Sources, layer))
            .SelectMany(file => File.ReadLines(file).Where(line => EngineWords().IsMatch(line)).Select(line => $"{file}: {line.Trim()}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_inner_layers_reference_no_database_library()
    {
        Assembly[] inner = [typeof(Conclave.Domain.Common.AggregateRoot).Assembly, typeof(Conclave.Application.DependencyInjection).Assembly];
        Assert.DoesNotContain(inner.SelectMany(assembly => assembly.GetReferencedAssemblies()), reference =>
            reference.Name!.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) ||
            reference.Name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ||
            reference.Name.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_sees_what_it_looks_for()
    {
        Assert.Matches(SqliteLibrary(), "using Microsoft.Data.Sqlite;");
        Assert.Matches(SqliteLibrary(), "command.CommandText = \"PRAGMA query_only = 1\";");
        Assert.Matches(SqliteLibrary(), "catch (SqliteException)");
        Assert.Matches(SqliteLibrary(), "options.UseSqlite(connectionString)");
        Assert.Matches(EngineWords(), "/// Starts the transaction (BEGIN IMMEDIATE on SQLite)");
        Assert.Matches(EngineWords(), "// waits for the shared fsync");
        Assert.Matches(EngineWords(), "// the WAL is synced");
        Assert.DoesNotMatch(SqliteLibrary(), "services.AddSqliteStorage(path);");
        Assert.NotEmpty(SourceFiles(Path.Combine(Sources, "Application")));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                           !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"Microsoft\.Data\.Sqlite|\bUseSqlite\b|\bPRAGMA\b|\bSqlite(Connection|Command|Exception|Parameter|DataReader|Transaction|Blob)\b|\bSQLitePCL\b")]
    private static partial Regex SqliteLibrary();

    [GeneratedRegex(@"(?i)sqlite|\bpragma\b|begin immediate|\bfsync\b|write-ahead|\bWAL\b|synchronous\s*=")]
    private static partial Regex EngineWords();
}
