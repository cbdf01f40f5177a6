using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conclave.Infrastructure.Sqlite.Durability;

/// <summary>
/// At shutdown, once every hosted service (Kestrel with its in-flight requests, the cleanup) has stopped: copies the
/// write-ahead log into the database file and empties it, then closes the idle connections, so the database file
/// alone holds every acknowledged write and the -wal/-shm files go away once the last connection closes.
/// </summary>
internal sealed class DatabaseCheckpoint(IServiceScopeFactory scopes, ContextConnections connections, ILogger<DatabaseCheckpoint> logger) : IHostedLifecycleService
{
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var connection = scope.ServiceProvider.GetRequiredService<ConclaveDbContext>().Database.GetDbConnection();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var result = await command.ExecuteReaderAsync(cancellationToken);
                // One row: busy (1 when a reader or writer kept the checkpoint from completing), log frames, frames copied.
                if (await result.ReadAsync(cancellationToken) && result.GetInt64(0) != 0)
                    logger.LogWarning("Shutdown checkpoint could not complete; SQLite replays the write-ahead log at the next start");
            }
            connections.ReleaseIdle();
        }
        catch (Exception exception) when (exception is SqliteException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogWarning(exception, "Shutdown checkpoint failed; SQLite replays the write-ahead log at the next start");
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
