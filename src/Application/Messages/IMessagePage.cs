namespace Conclave.Application.Messages;

/// <summary>
/// A page of a group's messages read from one snapshot of the log: every header at once, the contents one message at
/// a time, so that what a fetch holds in memory is bounded by a message rather than by the page. Disposing it ends
/// the snapshot (the scope that opened it also does).
/// </summary>
public interface IMessagePage : IAsyncDisposable
{
    /// <summary>The page's messages, ascending by number.</summary>
    IReadOnlyList<MessageHeader> Messages { get; }

    /// <summary>
    /// Calls <paramref name="visit"/> with each message of <see cref="Messages"/> and its content, in order. The content
    /// is only valid until the visit's task completes.
    /// </summary>
    Task ReadContentsAsync(Func<MessageHeader, ReadOnlyMemory<byte>, ValueTask> visit, CancellationToken cancellationToken);
}
