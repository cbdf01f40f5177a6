using Microsoft.Data.Sqlite;

namespace Conclave.Benchmarks.Retention;

/// <summary>Writes the backlog straight into the database: messages two days old, numbered after the group's counter.</summary>
internal static class Seeder
{
    public static async Task InsertExpiredMessagesAsync(string databasePath, Guid group, Guid sender, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO messages (group_id, sequence_num, sender_id, mls_message, created_at) VALUES ($g, $n, $s, $m, $t)";
        var sequence = insert.Parameters.Add("$n", SqliteType.Integer);
        insert.Parameters.AddWithValue("$g", group.ToByteArray(bigEndian: true));
        insert.Parameters.AddWithValue("$s", sender.ToByteArray(bigEndian: true));
        insert.Parameters.AddWithValue("$m", new byte[200]);
        insert.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 2 * 86_400);
        for (var n = 1; n <= count; n++)
        {
            sequence.Value = n;
            await insert.ExecuteNonQueryAsync();
        }
        await using var counter = connection.CreateCommand();
        counter.CommandText = "UPDATE groups SET last_sequence = $n WHERE id = $g";
        counter.Parameters.AddWithValue("$n", count);
        counter.Parameters.AddWithValue("$g", group.ToByteArray(bigEndian: true));
        await counter.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
