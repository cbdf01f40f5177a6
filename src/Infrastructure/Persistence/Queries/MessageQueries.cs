using Conclave.Application.Messages;
using Conclave.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class MessageQueries(ConclaveDbContext db) : IMessageQueries
{
    public async Task<IReadOnlyList<MessageDto>> AfterAsync(GroupId groupId, long after, int limit, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.SequenceNum > after)
            .OrderBy(m => m.SequenceNum)
            .Take(limit)
            .Select(m => new MessageDto(m.SequenceNum, m.SenderId, m.Data, m.CreatedAt))
            .ToListAsync(cancellationToken);
}
