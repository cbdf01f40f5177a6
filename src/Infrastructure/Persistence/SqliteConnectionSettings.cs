using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conclave.Infrastructure.Persistence;

// Per-connection settings. synchronous=NORMAL: in WAL mode a commit writes its frames without an fsync; every writer
// then waits for WalFlush, one shared fsync of the -wal file per batch of commits, before anything is acknowledged or
// published. Together they give synchronous=FULL's guarantee (an acknowledged write survives power loss).
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
