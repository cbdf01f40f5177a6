namespace Conclave.Infrastructure.Sqlite.Messages;

/// <summary>
/// Moves a member's fetch watermark up, keeping the larger value: one statement, atomic on its own (a fetch runs it
/// without a transaction) and inside the message writer's batch alike. Only a current member gets a watermark (a
/// fetch races with leaving or group deletion). Parameters: <c>$group</c>, <c>$user</c>, <c>$sequence</c>.
/// </summary>
internal static class FetchWatermarkUpsert
{
    public const string Sql = """
        INSERT INTO message_fetch_watermarks (group_id, user_id, last_fetched_seq)
        SELECT $group, $user, $sequence
        WHERE EXISTS (SELECT 1 FROM group_members WHERE group_id = $group AND user_id = $user)
        ON CONFLICT (group_id, user_id) DO UPDATE SET last_fetched_seq = max(last_fetched_seq, excluded.last_fetched_seq)
        """;
}
