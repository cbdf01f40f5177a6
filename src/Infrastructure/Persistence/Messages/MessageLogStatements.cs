using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Microsoft.Data.Sqlite;

namespace Conclave.Infrastructure.Persistence.Messages;

/// <summary>
/// The message writer's own connection and its statements, prepared once: a send then costs no SQL parsing, no
/// change tracking and no model look-ups.
/// </summary>
internal sealed class MessageLogStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _group, _members, _counter, _insert, _watermark, _dataVersion;

    private MessageLogStatements(SqliteConnection connection)
    {
        _connection = connection;
        _group = Prepare("SELECT last_sequence, message_expiry_seconds FROM groups WHERE id = $group", "$group");
        _members = Prepare("SELECT user_id FROM group_members WHERE group_id = $group ORDER BY user_id", "$group");
        _counter = Prepare("UPDATE groups SET last_sequence = $last WHERE id = $group", "$last", "$group");
        _insert = Prepare("""
            INSERT INTO messages (group_id, sequence_num, sender_id, mls_message, created_at)
            VALUES ($group, $sequence, $sender, $data, $created)
            """, "$group", "$sequence", "$sender", "$data", "$created");
        _watermark = Prepare(FetchWatermarkUpsert.Sql, "$group", "$user", "$sequence");
        _dataVersion = Prepare("PRAGMA data_version");
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
    public SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in new[] { _group, _members, _counter, _insert, _watermark, _dataVersion }) command.Transaction = transaction;
        return transaction;
    }

    /// <summary>Changes whenever another connection has committed since this one last looked (SQLite's data_version).</summary>
    public long DataVersion() => (long)_dataVersion.ExecuteScalar()!;

    public MessageLog? Load(GroupId groupId)
    {
        var id = IdBytes.From(groupId.Value);
        long lastSequence, expiry;
        _group.Parameters[0].Value = id;
        using (var reader = _group.ExecuteReader())
        {
            if (!reader.Read()) return null;
            (lastSequence, expiry) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        var members = new List<UserId>();
        _members.Parameters[0].Value = id;
        using (var reader = _members.ExecuteReader())
        {
            while (reader.Read()) members.Add(new UserId(IdBytes.To((byte[])reader.GetValue(0))));
        }
        return new MessageLog(groupId, lastSequence, expiry, members);
    }

    public void Store(SentMessage sent)
    {
        var message = sent.Message;
        var group = IdBytes.From(message.GroupId.Value);
        var sender = IdBytes.From(message.SenderId.Value);
        Run(_insert, group, message.SequenceNum, sender, message.Data, message.CreatedAt);
        if (sent.AdvancesSenderWatermark) Run(_watermark, group, sender, message.SequenceNum);
    }

    public void SaveCounter(MessageLog log) => Run(_counter, log.LastSequence, IdBytes.From(log.GroupId.Value));

    public void Dispose()
    {
        foreach (var command in new[] { _group, _members, _counter, _insert, _watermark, _dataVersion }) command.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }
}
