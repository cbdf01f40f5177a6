using System.Text;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Infrastructure.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Lookups;

/// <summary>
/// One connection kept open for <see cref="AccessLookups"/>, with its two statements prepared once
/// (<see cref="PreparedStatement"/>). Used by one caller at a time.
/// </summary>
internal sealed class LookupConnection : IDisposable
{
    private const string SessionSql = "SELECT user_id, expires_at FROM sessions WHERE token_hash = $token_hash";
    // The join keeps IGroupAccess's meaning by itself (an unknown group answers null, like "not a member") instead
    // of leaning on the foreign key's cascade.
    private const string RoleSql = "SELECT m.role FROM groups AS g JOIN group_members AS m ON m.group_id = g.id " +
                                   "WHERE g.id = $group_id AND m.user_id = $user_id";

    private readonly SqliteConnection _connection;
    private readonly PreparedStatement _session;
    private readonly PreparedStatement _role;

    public LookupConnection(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            // The busy timeout too: a statement prepared here reads the schema, and waits like any other read while
            // the last connection of a quiet server checkpoints the log as it closes (IReleasableWhenIdle).
            SqliteConnectionSettings.Apply(_connection);
            using (var readOnly = _connection.CreateCommand())
            {
                readOnly.CommandText = "PRAGMA query_only = 1;";
                readOnly.ExecuteNonQuery();
            }
            _session = new PreparedStatement(_connection, SessionSql);
            _role = new PreparedStatement(_connection, RoleSql);
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
        _session.BindText(1, hash[..Encoding.UTF8.GetBytes(tokenHash, hash)]);
        // Resetting the statement ends its read transaction: an idle connection pins no snapshot of the write-ahead
        // log and holds back no checkpoint.
        try
        {
            return _session.Step() ? new AuthenticatedSession(new UserId(_session.Id(0)), tokenHash, _session.Int64(1)) : null;
        }
        finally
        {
            _session.Reset();
        }
    }

    public GroupRole? RoleOf(GroupId groupId, UserId userId)
    {
        _role.Bind(1, groupId.Value).Bind(2, userId.Value);
        try
        {
            return _role.Step() ? (GroupRole)_role.Int32(0) : null;
        }
        finally
        {
            _role.Reset();
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _role.Dispose();
        _connection.Dispose();
    }
}
