using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Conclave.Infrastructure.Persistence;

/// <summary>
/// Keeps a request's connection open from its first query to the end of its scope. EF Core opens and closes the
/// connection around every query outside a transaction, and every open takes a handle from the SQLite pool and
/// registers EF Core's SQL functions on it again (sqlite3_create_function, a dozen times). Refused here, the close
/// leaves the connection open; EF Core finds it open at the next query and neither opens nor closes it again. When
/// the context goes back to the pool, EF Core closes the connection itself, without asking. Nothing is held between
/// statements: a connection outside a transaction keeps no read snapshot and no lock.
/// </summary>
internal sealed class KeptOpenConnections : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());
}
