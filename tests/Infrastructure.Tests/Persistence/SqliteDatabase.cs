using Conclave.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Tests.Persistence;

/// <summary>A migrated SQLite file of its own; each <see cref="NewContext"/> is a fresh unit of work on it.</summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));

    private string Path => System.IO.Path.Combine(_folder, "conclave.db");

    public static async Task<SqliteDatabase> CreateAsync()
    {
        var database = new SqliteDatabase();
        await using var db = database.NewContext();
        await new DatabaseInitializer(db).InitializeAsync(database.Path, default);
        return database;
    }

    public ConclaveDbContext NewContext() => new(new DbContextOptionsBuilder<ConclaveDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path, ForeignKeys = true }.ToString())
        .Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
