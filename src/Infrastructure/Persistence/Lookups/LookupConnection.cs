using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Conclave.Infrastructure.Persistence.Lookups;

/// <summary>
/// One connection kept open for <see cref="AccessLookups"/>, with its two statements prepared once. They run on
/// SQLite's own API: each use binds, steps and resets, with no command, reader or parameter objects, and ids bound
/// from the stack. Used by one caller at a time.
/// </summary>
internal sealed class LookupConnection : IDisposable
{
    private const string SessionSql = "SELECT user_id, expires_at FROM sessions WHERE token_hash = $token_hash";
    // The join keeps IGroupAccess's meaning by itself (an unknown group answers null, like "not a member") instead
    // of leaning on the foreign key's cascade.
    private const string RoleSql = "SELECT m.role FROM groups AS g JOIN group_members AS m ON m.group_id = g.id " +
                                   "WHERE g.id = $group_id AND m.user_id = $user_id";

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _session;
    private readonly sqlite3_stmt _role;

    public LookupConnection(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            using (var readOnly = _connection.CreateCommand())
            {
                readOnly.CommandText = "PRAGMA query_only = 1;";
                readOnly.ExecuteNonQuery();
            }
            _session = Prepare(SessionSql);
            _role = Prepare(RoleSql);
        }
        catch
        {
            _session?.Dispose();
            _connection.Dispose();
            throw;
        }
    }

    public AuthenticatedSession? Session(string tokenHash)
    {
        Span<byte> hash = stackalloc byte[Encoding.UTF8.GetMaxByteCount(tokenHash.Length)];
        Check(raw.sqlite3_bind_text(_session, 1, hash[..Encoding.UTF8.GetBytes(tokenHash, hash)]));
        // Resetting the statement ends its read transaction: an idle connection pins no snapshot of the write-ahead
        // log and holds back no checkpoint.
        try
        {
            return Step(_session)
                ? new AuthenticatedSession(new UserId(new Guid(raw.sqlite3_column_blob(_session, 0), bigEndian: true)), tokenHash, raw.sqlite3_column_int64(_session, 1))
                : null;
        }
        finally
        {
            raw.sqlite3_reset(_session);
        }
    }

    public GroupRole? RoleOf(GroupId groupId, UserId userId)
    {
        Span<byte> ids = stackalloc byte[32];
        groupId.Value.TryWriteBytes(ids[..16], bigEndian: true, out _);
        userId.Value.TryWriteBytes(ids[16..], bigEndian: true, out _);
        Check(raw.sqlite3_bind_blob(_role, 1, ids[..16]));
        Check(raw.sqlite3_bind_blob(_role, 2, ids[16..]));
        try
        {
            return Step(_role) ? (GroupRole)raw.sqlite3_column_int(_role, 0) : null;
        }
        finally
        {
            raw.sqlite3_reset(_role);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _role.Dispose();
        _connection.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement));
        return statement;
    }

    // A row, or none: the look-ups match one row at most.
    private bool Step(sqlite3_stmt statement) => raw.sqlite3_step(statement) switch
    {
        raw.SQLITE_ROW => true,
        raw.SQLITE_DONE => false,
        var code => throw Failure(code),
    };

    private void Check(int code)
    {
        if (code != raw.SQLITE_OK) throw Failure(code);
    }

    private SqliteException Failure(int code) => new(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), code);
}
