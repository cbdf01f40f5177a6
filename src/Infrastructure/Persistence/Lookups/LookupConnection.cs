using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Persistence.Lookups;

/// <summary>
/// One connection kept open for <see cref="AccessLookups"/>, with its two statements prepared once: each use only
/// binds new values, steps and resets. Used by one caller at a time.
/// </summary>
internal sealed class LookupConnection : IDisposable
{
    private const string SessionSql = "SELECT user_id, expires_at FROM sessions WHERE token_hash = $token_hash";
    // The join keeps IGroupAccess's meaning by itself (an unknown group answers null, like "not a member") instead
    // of leaning on the foreign key's cascade.
    private const string RoleSql = "SELECT m.role FROM groups AS g JOIN group_members AS m ON m.group_id = g.id " +
                                   "WHERE g.id = $group_id AND m.user_id = $user_id";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _session;
    private readonly SqliteParameter _tokenHash;
    private readonly SqliteCommand _role;
    private readonly SqliteParameter _groupId;
    private readonly SqliteParameter _userId;

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
            _session = _connection.CreateCommand();
            _session.CommandText = SessionSql;
            _tokenHash = _session.Parameters.Add("$token_hash", SqliteType.Text);
            _session.Prepare();
            _role = _connection.CreateCommand();
            _role.CommandText = RoleSql;
            _groupId = _role.Parameters.Add("$group_id", SqliteType.Blob);
            _userId = _role.Parameters.Add("$user_id", SqliteType.Blob);
            _role.Prepare();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public AuthenticatedSession? Session(string tokenHash)
    {
        _tokenHash.Value = tokenHash;
        // Disposing the reader resets the statement, which ends its read transaction: an idle connection pins no
        // snapshot of the write-ahead log and holds back no checkpoint.
        using var row = _session.ExecuteReader();
        return row.Read() ? new AuthenticatedSession(new UserId(IdBytes.To((byte[])row.GetValue(0))), tokenHash, row.GetInt64(1)) : null;
    }

    public GroupRole? RoleOf(GroupId groupId, UserId userId)
    {
        _groupId.Value = IdBytes.From(groupId.Value);
        _userId.Value = IdBytes.From(userId.Value);
        using var row = _role.ExecuteReader();
        return row.Read() ? (GroupRole)row.GetInt32(0) : null;
    }

    public void Dispose() => _connection.Dispose();
}
