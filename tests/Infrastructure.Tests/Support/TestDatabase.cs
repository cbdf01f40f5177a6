using Conclave.Infrastructure;
using Conclave.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Support;

/// <summary>A real SQLite file with the migrations applied, and the Infrastructure services over it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    private TestDatabase()
    {
        Directory.CreateDirectory(_folder);
        FilePath = System.IO.Path.Combine(_folder, "test.db");
        _services = new ServiceCollection().AddLogging().AddInfrastructure(FilePath).BuildServiceProvider();
    }

    public string FilePath { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await using var scope = database.Scope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(database.FilePath, CancellationToken.None);
        return database;
    }

    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>Runs <paramref name="work"/> on a fresh DbContext and saves what it changed.</summary>
    public async Task WithContextAsync(Func<ConclaveDbContext, Task> work)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>();
        await work(db);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
