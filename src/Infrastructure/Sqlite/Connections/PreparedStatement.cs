using Conclave.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Conclave.Infrastructure.Sqlite.Connections;

/// <summary>
/// One statement prepared once on a connection kept open, run through SQLite's own API: each use binds, steps and
/// resets, with no command, reader, parameter or boxed objects, and ids bound from the stack. For the few statements
/// every request or message runs; everything else goes through EF Core. Used by one caller at a time.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    /// <summary>The 1-based index of a named parameter (<c>$name</c>), for binding by position.</summary>
    public int Parameter(string name) =>
        raw.sqlite3_bind_parameter_index(_statement, name) is > 0 and var index ? index : throw new ArgumentException($"no parameter {name}", nameof(name));

    public PreparedStatement Bind(int parameter, ReadOnlySpan<byte> blob)
    {
        // An empty span would be bound as NULL: zeroblob(0) is the empty blob, as Microsoft.Data.Sqlite binds it.
        Check(blob.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, parameter, 0) : raw.sqlite3_bind_blob(_statement, parameter, blob));
        return this;
    }

    public PreparedStatement Bind(int parameter, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, parameter, value));
        return this;
    }

    /// <summary>Binds an id as its 16 big-endian bytes, the form every id column stores (IdBytes).</summary>
    public PreparedStatement Bind(int parameter, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return Bind(parameter, bytes);
    }

    public PreparedStatement BindText(int parameter, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(_statement, parameter, utf8));
        return this;
    }

    /// <summary>True while there is a row to read; false once done.</summary>
    public bool Step() => raw.sqlite3_step(_statement) switch
    {
        raw.SQLITE_ROW => true,
        raw.SQLITE_DONE => false,
        var code => throw Failure(code),
    };

    /// <summary>Ends the statement's use, and with it the read transaction it held outside an explicit one.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    /// <summary>Runs a statement that returns no rows, then resets it.</summary>
    public void Run()
    {
        try
        {
            while (Step()) { }
        }
        finally
        {
            Reset();
        }
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    public Guid Id(int column) => new(raw.sqlite3_column_blob(_statement, column), bigEndian: true);

    public void Dispose() => _statement.Dispose();

    private void Check(int code)
    {
        if (code != raw.SQLITE_OK) throw Failure(code);
    }

    private SqliteException Failure(int code) => new(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), code);
}
