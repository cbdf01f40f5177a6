using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

// One upsert that keeps the larger value: atomic on its own (a fetch runs it without a transaction) and inside a
// send's transaction alike. Only a current member gets a watermark (a fetch races with leaving or group deletion).
internal sealed class FetchWatermarkRepository(ConclaveDbContext db, WriteGate gate) : IFetchWatermarkRepository
{
    public async Task AdvanceAsync(GroupId groupId, UserId userId, long sequenceNum, CancellationToken cancellationToken)
    {
        var group = IdBytes.From(groupId.Value);
        var user = IdBytes.From(userId.Value);
        await gate.WriteAsync(db, () => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO message_fetch_watermarks (group_id, user_id, last_fetched_seq)
            SELECT {group}, {user}, {sequenceNum}
            WHERE EXISTS (SELECT 1 FROM group_members WHERE group_id = {group} AND user_id = {user})
            ON CONFLICT (group_id, user_id) DO UPDATE SET last_fetched_seq = max(last_fetched_seq, excluded.last_fetched_seq)
            """, cancellationToken), cancellationToken);
    }
}
