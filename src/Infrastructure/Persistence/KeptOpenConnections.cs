using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conclave.Infrastructure.Persistence;

/// <summary>
/// Keeps each pooled context's connection open from one request to the next. EF Core opens and closes the connection
/// around every query outside a transaction and closes it when the context goes back to the pool; every open then
/// takes a handle from the SQLite pool and registers EF Core's SQL functions on it again (sqlite3_create_function,
/// a dozen times), a fixed cost on every request. Refused here, the close leaves the connection open; EF Core finds
/// it open at the next query and neither opens nor closes it again. Nothing is held between statements: a
/// connection outside a transaction keeps no read snapshot and no lock. The connections close for good when the
/// context pool is disposed with the container, or when closed directly on the connection (DatabaseCheckpoint).
/// </summary>
internal sealed class KeptOpenConnections : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
