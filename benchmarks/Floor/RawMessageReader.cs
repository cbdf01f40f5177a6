using Conclave.V1;
using Google.Protobuf;
using Microsoft.Data.Sqlite;

namespace Conclave.Benchmarks.Floor;

/// <summary>The fetch floor: the server's own message rows, read with raw ADO.NET from its database file.</summary>
internal sealed class RawMessageReader(string path)
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadOnly,
        Pooling = true,
    }.ToString();

    public async Task<byte[]> ReadAsync(byte[] group, long after, int limit)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT sequence_num, sender_id, mls_message, created_at FROM messages
            WHERE group_id = $group AND sequence_num > $after ORDER BY sequence_num LIMIT $limit
            """;
        command.Parameters.AddWithValue("$group", group);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        var response = new GetMessagesResponse();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            response.Messages.Add(new StoredMessage
            {
                SequenceNum = (ulong)reader.GetInt64(0),
                SenderId = ByteString.CopyFrom((byte[])reader.GetValue(1)),
                MlsMessage = ByteString.CopyFrom((byte[])reader.GetValue(2)),
                CreatedAt = (ulong)reader.GetInt64(3),
            });
        }
        return response.ToByteArray();
    }
}
