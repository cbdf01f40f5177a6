using System.Data.Common;
using System.Runtime.CompilerServices;
using Conclave.Infrastructure.Sqlite.Durability;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Connections;

// Per-connection settings. synchronous=NORMAL: in WAL mode a commit writes its frames without an fsync; every writer
// then waits for WalFlush, one shared fsync of the -wal file per batch of commits, before anything is acknowledged or
// published. Together they give synchronous=FULL's guarantee (an acknowledged write survives power loss).
// The settings belong to the underlying SQLite handle, which Microsoft.Data.Sqlite's pool keeps across opens, so they
// are applied once per handle rather than at every open.
internal static class SqliteConnectionSettings
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
    private static readonly ConditionalWeakTable<object, object> Configured = new();
    private static readonly object Done = new();

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
