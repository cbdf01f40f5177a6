using Conclave.Domain.Common;
using Conclave.Domain.Messages;

namespace Conclave.Application.Messages;

/// <summary>
/// The message write path. A send is committed together with the sends waiting at the same moment, in one
/// transaction (group commit), and completes once that commit is durable; its events then belong to the command's
/// unit of work, which publishes them in commit order.
/// </summary>
public interface IMessageLog
{
    /// <summary>
    /// Loads <paramref name="groupId"/>'s message log inside the write transaction, lets <paramref name="send"/> decide
    /// and stores what it decided; returns the stored message's sequence number. A group that no longer exists is
    /// refused like one the sender is not in (spec appendices/error-codes.md: 401, never 404).
    /// </summary>
    Task<long> AppendAsync(GroupId groupId, Func<MessageLog, SentMessage> send, CancellationToken cancellationToken);
}
