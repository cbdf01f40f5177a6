using Conclave.Api.Configuration;
using Conclave.Api.Plugins;
using Conclave.Application;
using Conclave.Application.Plugins;
using Conclave.Infrastructure;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite;
using Conclave.Infrastructure.Sqlite.Files;
using Conclave.Infrastructure.Sqlite.Schema;

namespace Conclave.Api.Admin;

/// <summary>
/// The use cases over the configured database, without the network: the server's own composition, opened (created
/// and migrated if need be) as the server opens it. Safe while the server runs: SQLite queues the writers.
/// </summary>
internal sealed class AdminHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AdminHost(ServiceProvider services, ServerConfig config)
    {
        _services = services;
        Config = config;
    }

    public ServerConfig Config { get; }

    /// <exception cref="PluginLoadException">A plugin in plugins_path cannot be loaded.</exception>
    /// <exception cref="ForeignDatabaseException">database_path is not this server's database.</exception>
    public static async Task<AdminHost> OpenAsync(ServerConfig config)
    {
        ForeignDatabaseGuard.RequireOursOrNew(config.DatabasePath);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(text => text.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)); // stdout is the command's
        services.AddSingleton(config);
        // The operator is not the public door registration_enabled guards (R1): admin users create always may.
        services.AddSingleton(config.ToSettings() with { RegistrationEnabled = true });
        services.AddSingleton(TimeProvider.System);
        // The server's plugins see the operator's changes too (user created or deleted) and police them alike.
        services.AddApplication([.. PluginLoader.LoadAll(config.EffectivePluginsPath).Select(plugin => plugin.Assembly)]);
        services.AddInfrastructure(config.DatabasePath);
        var host = new AdminHost(services.BuildServiceProvider(validateScopes: true), config);
        try
        {
            await using var scope = host._services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(config.DatabasePath, CancellationToken.None);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>A service of the composition, for a command that is no use case (the reference import).</summary>
    public T GetRequiredService<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Sends one command or query in a scope of its own, as a request would.</summary>
    public async Task<T> SendAsync<T>(MediatR.IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(request, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<PluginEventDispatcher>().DrainAsync();
        await _services.DisposeAsync();
        SqliteStorage.CloseIdleConnections(); // closed connections let SQLite fold its write-ahead log back in
    }
}
