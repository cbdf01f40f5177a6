namespace Conclave.Application.Messages;

/// <summary>
/// The message send's write path. A send is stored together with the sends waiting at the same moment, in one
/// transaction (group commit), and its append completes once that commit is durable.
/// </summary>
public interface IMessageLog
{
    /// <summary>
    /// Loads the group's <see cref="Domain.Messages.MessageLog"/> inside the write transaction, lets it take
    /// <paramref name="send"/> (<see cref="Domain.Messages.MessageLog.Send"/>: it may refuse) and stores what it
    /// decided. A group that no longer exists is refused like one the sender is not in (spec
    /// appendices/error-codes.md: 401, never 404). A queued send is not cancelled.
    /// </summary>
    Task<AppendedMessage> AppendAsync(MessageSend send);
}
