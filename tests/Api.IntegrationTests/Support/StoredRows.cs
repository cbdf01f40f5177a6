using Conclave.Infrastructure.Sqlite.Lookups;
using Microsoft.Data.Sqlite;

namespace Conclave.Api.IntegrationTests.Support;

/// <summary>
/// Reads the server's database file directly, for facts the API
/// does not show: watermarks, pending-join flags, rows left after a cascade; and writes it, for states only a race
/// or another process reaches.
/// </summary>
public static class StoredRows
{
    public static async Task<long?> ScalarAsync(this TestServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? null : Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Writes as another process does (an admin command): the statement, then the mark that tells the server its kept
    /// sessions and roles may be stale (AccessEpoch).
    /// </summary>
    public static async Task WriteAsAnotherProcessAsync(this TestServer server, string sql, params (string Name, object Value)[] parameters)
    {
        await server.ScalarAsync(sql, parameters);
        using var otherProcess = new AccessEpoch(server.DatabasePath);
        otherProcess.Advance();
    }

    public static Task<long?> WatermarkAsync(this TestServer server, TestGroup group, TestUser user) =>
        server.ScalarAsync("SELECT last_fetched_seq FROM message_fetch_watermarks WHERE group_id = $g AND user_id = $u",
            ("$g", group.Id.ToByteArray()), ("$u", user.Id.ToByteArray()));

    public static async Task<bool> HasPendingJoinFlagAsync(this TestServer server, TestGroup group, TestUser user) =>
        await server.ScalarAsync("SELECT count(*) FROM pending_external_joins WHERE group_id = $g AND user_id = $u",
            ("$g", group.Id.ToByteArray()), ("$u", user.Id.ToByteArray())) == 1;

    public static async Task<long> CountAsync(this TestServer server, string table, TestGroup group) =>
        await server.ScalarAsync($"SELECT count(*) FROM {table} WHERE group_id = $g", ("$g", group.Id.ToByteArray())) ?? 0;
}
