using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Sqlite.Connections;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Sqlite.Messages;

/// <summary>
/// The message writer's own connection and its statements, prepared once (<see cref="PreparedStatement"/>): a send
/// then costs no SQL parsing, no change tracking, no model look-ups and no command objects.
/// </summary>
internal sealed class MessageLogStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly PreparedStatement _group, _members, _counter, _insert, _watermark, _dataVersion;
    private readonly (int Group, int User, int Sequence) _watermarkParameters;

    private MessageLogStatements(SqliteConnection connection)
    {
        _connection = connection;
        _group = new(connection, "SELECT last_sequence, message_expiry_seconds FROM groups WHERE id = ?1");
        _members = new(connection, "SELECT user_id FROM group_members WHERE group_id = ?1 ORDER BY user_id");
        _counter = new(connection, "UPDATE groups SET last_sequence = ?1 WHERE id = ?2");
        _insert = new(connection, """
            INSERT INTO messages (group_id, sequence_num, sender_id, mls_message, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5)
            """);
        _watermark = new(connection, FetchWatermarkUpsert.Sql);
        _watermarkParameters = (_watermark.Parameter("$group"), _watermark.Parameter("$user"), _watermark.Parameter("$sequence"));
        _dataVersion = new(connection, "PRAGMA data_version");
    }

    public static MessageLogStatements Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteConnectionSettings.Apply(connection);
            return new MessageLogStatements(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>BEGIN IMMEDIATE: the caller holds the write gate.</summary>
    public SqliteTransaction Begin() => _connection.BeginTransaction(deferred: false);

    /// <summary>Changes whenever another connection has committed since this one last looked (SQLite's data_version).</summary>
    public long DataVersion()
    {
        try
        {
            _dataVersion.Step();
            return _dataVersion.Int64(0);
        }
        finally
        {
            _dataVersion.Reset();
        }
    }

    public MessageLog? Load(GroupId groupId)
    {
        long lastSequence, expiry;
        try
        {
            if (!_group.Bind(1, groupId.Value).Step()) return null;
            (lastSequence, expiry) = (_group.Int64(0), _group.Int64(1));
        }
        finally
        {
            _group.Reset();
        }
        var members = new List<UserId>();
        try
        {
            _members.Bind(1, groupId.Value);
            while (_members.Step()) members.Add(new UserId(_members.Id(0)));
        }
        finally
        {
            _members.Reset();
        }
        return new MessageLog(groupId, lastSequence, expiry, members);
    }

    public void Store(SentMessage sent)
    {
        var message = sent.Message;
        _insert.Bind(1, message.GroupId.Value).Bind(2, message.SequenceNum).Bind(3, message.SenderId.Value)
            .Bind(4, message.Data).Bind(5, message.CreatedAt).Run();
        if (sent.AdvancesSenderWatermark)
            _watermark.Bind(_watermarkParameters.Group, message.GroupId.Value).Bind(_watermarkParameters.User, message.SenderId.Value)
                .Bind(_watermarkParameters.Sequence, message.SequenceNum).Run();
    }

    public void SaveCounter(MessageLog log) => _counter.Bind(1, log.LastSequence).Bind(2, log.GroupId.Value).Run();

    public void Dispose()
    {
        foreach (var statement in new[] { _group, _members, _counter, _insert, _watermark, _dataVersion }) statement.Dispose();
        _connection.Dispose();
    }
}
