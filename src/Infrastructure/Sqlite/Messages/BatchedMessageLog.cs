using Conclave.Application.Messages;
using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Conclave.Infrastructure.Persistence;

namespace Conclave.Infrastructure.Sqlite.Messages;

internal sealed class BatchedMessageLog(MessageAppendWriter writer, EfUnitOfWork unitOfWork) : IMessageLog
{
    public async Task<long> AppendAsync(GroupId groupId, Func<MessageLog, SentMessage> send, CancellationToken cancellationToken)
    {
        var appended = await writer.AppendAsync(groupId, send);
        unitOfWork.Adopt(appended.Commit);
        return appended.Sequence;
    }
}
