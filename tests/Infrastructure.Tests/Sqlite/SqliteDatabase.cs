using Conclave.Application;
using Conclave.Application.Common.Settings;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Conclave.Infrastructure.Tests.Sqlite;

/// <summary>
/// A temp SQLite file behind the real Application pipeline and Infrastructure (the server's composition without
/// its transports): each <see cref="SendAsync{T}"/> runs in its own scope, like one request.
/// </summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conclave-infra-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public string FilePath => Path.Combine(_folder, "conclave.db");

    /// <summary>The composed services themselves, for the singletons a test looks into.</summary>
    public IServiceProvider Services => _services;

    public static async Task<SqliteDatabase> CreateAsync()
    {
        var database = new SqliteDatabase();
        await database.InitializeAsync();
        return database;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var path = FilePath;
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new ServerSettings())
            .AddApplication(plugins: [])
            .AddInfrastructure(path)
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(path, default);
    }

    public async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>A request scope of the composed services (repositories, stores) on this file.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    /// <summary>A context of its own on the file, outside any use case; the caller disposes it.</summary>
    public ConclaveDbContext NewContext() => new(new DbContextOptionsBuilder<ConclaveDbContext>()
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = FilePath, ForeignKeys = true }.ToString())
        .Options);

    /// <summary>Direct access for arranging and inspecting rows, outside any use case.</summary>
    public async Task<T> WithDbAsync<T>(Func<ConclaveDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ConclaveDbContext>());
    }

    public Task WithDbAsync(Func<ConclaveDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
