using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Conclave.Infrastructure.Sqlite.Connections;

/// <summary>
/// Connections kept open for the requests' contexts (<see cref="ScopedContext"/>): a context gets one when leased
/// and the scope gives it back when it ends. Opening one for every request cost more than most reads do:
/// Microsoft.Data.Sqlite runs <c>PRAGMA foreign_keys</c> at each open and EF Core registers its SQL functions again.
/// Those functions (decimal arithmetic, <c>regexp</c>) are not registered here: no property of the model is a decimal
/// and no query matches a regular expression (ContextConnectionsTests).
/// A connection is kept only if no statement is running on it and no transaction is open, since a read snapshot kept
/// between requests would hold back every checkpoint.
/// </summary>
internal sealed class ContextConnections(string connectionString) : IReleasableWhenIdle, IDisposable
{
    // Enough for the requests that hold a context at once on a busy server; past this a request opens one from
    // Microsoft.Data.Sqlite's pool, as every request did before.
    private readonly IdleConnections<SqliteConnection> _idle = new(keptIdle: 8);

    public int Idle => _idle.Count;

    public SqliteConnection Lend()
    {
        if (_idle.Take() is { } kept) return kept;
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteConnectionSettings.Apply(connection);
            connection.Handle!.enable_sqlite3_next_stmt(true); // for IsQuiet: SQLitePCL then tracks the statements
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void GiveBack(SqliteConnection connection)
    {
        if (IsQuiet(connection)) _idle.Keep(connection);
        else connection.Dispose();
    }

    /// <summary>Closes the idle connections and the handles Microsoft.Data.Sqlite pools behind them.</summary>
    public void ReleaseIdle()
    {
        _idle.Close();
        ClearPool();
    }

    public void Dispose()
    {
        _idle.Dispose();
        ClearPool();
    }

    private void ClearPool()
    {
        using var pool = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(pool);
    }

    private static bool IsQuiet(SqliteConnection connection)
    {
        if (connection.State != ConnectionState.Open || connection.Handle is not { } handle) return false;
        if (raw.sqlite3_get_autocommit(handle) == 0) return false;
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null; statement = raw.sqlite3_next_stmt(handle, statement))
        {
            if (raw.sqlite3_stmt_busy(statement) != 0) return false;
        }
        return true;
    }
}
