using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conclave.Infrastructure.Persistence;

// Per-connection settings. synchronous=NORMAL: in WAL mode a commit writes its frames without an fsync; every writer
// then waits for WalFlush, one shared fsync of the -wal file per batch of commits, before anything is acknowledged or
// published. Together they give synchronous=FULL's guarantee (an acknowledged write survives power loss).
// EF Core opens a pooled connection for every query outside a transaction; the settings belong to the underlying
// SQLite handle, which the pool keeps, so they are applied once per handle rather than at every open.
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
    private static readonly ConditionalWeakTable<object, object> Configured = new();
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public static void Apply(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
        if (handle is not null) Configured.AddOrUpdate(handle, Done);
    }
}
