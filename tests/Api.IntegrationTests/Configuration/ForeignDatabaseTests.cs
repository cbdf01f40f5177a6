using Conclave.Api.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Conclave.Api.IntegrationTests.Configuration;

// Issue #27: pointed at a database that is not its own, the server stops with one line and changes nothing: same bytes,
// no -wal, -shm or -access file beside it, no table added (EF Core's migrator used to add two and then fail).
public sealed class ForeignDatabaseTests : IDisposable
{
    private readonly TempFolder _folder = new("foreign-database");

    public void Dispose() => _folder.Dispose();

    private string DatabasePath => Path.Combine(_folder.Path, "data", "conclave.db");

    [Theory]
    [InlineData("reference", "is a reference server database; it was left as it was. Import it into a new file with `conclave-server admin import-reference {0} --into NEW.db`")]
    [InlineData("reference after a failed start of an earlier build", "is a reference server database")]
    [InlineData("another program's", "holds tables but no migration history of this server; it was left as it was")]
    public async Task A_foreign_database_at_database_path_stops_start_up_and_is_left_byte_identical(string kind, string reason)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        if (kind == "another program's") await ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');");
        else
        {
            using (var reference = ReferenceDatabase.Create(DatabasePath)) reference.AddUser("alice", ReferenceDatabase.KnownHash);
            if (kind != "reference")
                await ExecuteAsync("CREATE TABLE \"__EFMigrationsHistory\" (\"MigrationId\" TEXT PRIMARY KEY, \"ProductVersion\" TEXT); CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER PRIMARY KEY)");
        }
        var before = await SnapshotAsync();

        var server = await StartAsync();
        var admin = await RunAsync("--config", WriteConfig(), "admin", "stats");

        Assert.Equal(1, server.ExitCode);
        var line = Assert.Single(Lines(server.Stderr));
        Assert.StartsWith($"cannot start: database_path '{DatabasePath}' {string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, DatabasePath)}", line);
        Assert.Equal(1, admin.ExitCode);
        Assert.Equal(line, Assert.Single(Lines(admin.Stderr)));
        Assert.Equal(before, await SnapshotAsync());
    }

    // A reference server that has not checkpointed yet has its tables only in the -wal: the file alone looks empty.
    [Fact]
    public async Task A_reference_database_whose_tables_are_still_in_its_log_is_recognised_and_neither_file_changes()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var reference = ReferenceDatabase.Create(DatabasePath); // kept open: its writes stay in the -wal
        reference.AddUser("alice", ReferenceDatabase.KnownHash);
        Assert.True(new FileInfo(DatabasePath + "-wal").Length > 0);
        var before = await SnapshotAsync();

        var server = await StartAsync();

        Assert.Equal(1, server.ExitCode);
        Assert.StartsWith($"cannot start: database_path '{DatabasePath}' is a reference server database", Assert.Single(Lines(server.Stderr)));
        Assert.Equal(before, await SnapshotAsync());
    }

    // Every file in the database's folder with a hash of its bytes.
    private async Task<string> SnapshotAsync()
    {
        var folder = Path.GetDirectoryName(DatabasePath)!;
        var files = new List<string>();
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            files.Add($"{Path.GetFileName(file)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await ReadSharedAsync(file)))}");
        return string.Join('\n', files);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> StartAsync() => await RunAsync("--config", WriteConfig());

    private string WriteConfig()
    {
        var path = Path.Combine(_folder.Path, "conclave.json");
        File.WriteAllText(path, $$"""
            { "listen_address": "127.0.0.1", "listen_port": {{ServerProcess.FreePort()}}, "grpc_port": {{ServerProcess.FreePort()}},
              "database_path": {{System.Text.Json.JsonSerializer.Serialize(DatabasePath)}} }
            """);
        return path;
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        await using var process = ServerProcess.Start(_folder.Path, null, args);
        process.Stdin.Close();
        var exitCode = await process.ExitCodeAsync();
        return (exitCode, process.Stdout, process.Stderr);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
