using Conclave.Application.Messages;
using Conclave.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class MessageQueries(ConclaveDbContext db) : IMessageQueries
{
    public async Task<IReadOnlyList<MessageDto>> AfterAsync(GroupId groupId, long after, int limit, CancellationToken cancellationToken)
    {
        var messages = new List<MessageDto>(limit);
        await foreach (var message in Window(db, groupId, after, limit).WithCancellation(cancellationToken)) messages.Add(message);
        return messages;
    }

    private static readonly Func<ConclaveDbContext, GroupId, long, int, IAsyncEnumerable<MessageDto>> Window =
        EF.CompileAsyncQuery((ConclaveDbContext db, GroupId groupId, long after, int limit) =>
            db.Messages.AsNoTracking()
                .Where(m => m.GroupId == groupId && m.SequenceNum > after)
                .OrderBy(m => m.SequenceNum)
                .Take(limit)
                .Select(m => new MessageDto(m.SequenceNum, m.SenderId, m.Data, m.CreatedAt)));
}
