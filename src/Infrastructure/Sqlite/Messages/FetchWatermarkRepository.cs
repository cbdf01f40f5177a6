using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Persistence.Writes;
using Conclave.Infrastructure.Sqlite.Durability;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Sqlite.Messages;

internal sealed class FetchWatermarkRepository(ConclaveDbContext db, WriteGate gate) : IFetchWatermarkRepository
{
    public Task AdvanceAsync(GroupId groupId, UserId userId, long sequenceNum, CancellationToken cancellationToken) =>
        gate.WriteAsync(db, WriteKind.Content, () => db.Database.ExecuteSqlRawAsync(FetchWatermarkUpsert.Sql,
        [
            new SqliteParameter("$group", IdBytes.From(groupId.Value)),
            new SqliteParameter("$user", IdBytes.From(userId.Value)),
            new SqliteParameter("$sequence", sequenceNum),
        ], cancellationToken), cancellationToken);
}
