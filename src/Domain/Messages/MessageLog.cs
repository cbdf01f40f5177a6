using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.Messages;

/// <summary>
/// A group as its message log sees it: who may send, the counter shared with commits and external joins (decision 1),
/// and the group's retention. Sending needs nothing else of the group, so the write path loads only this.
/// </summary>
public sealed class MessageLog(GroupId groupId, long lastSequence, long messageExpirySeconds, IReadOnlyList<UserId> members) : AggregateRoot
{
    public GroupId GroupId { get; } = groupId;
    public long LastSequence { get; private set; } = lastSequence;
    public long MessageExpirySeconds { get; } = messageExpirySeconds;
    public IReadOnlyList<UserId> Members { get; } = members;

    /// <summary>
    /// R39–R40: only a member sends (one who left since the access check is refused); the message takes the group's
    /// next number; in a delete-after-fetch group the sender has seen their own message (decision 5).
    /// </summary>
    public SentMessage Send(UserId sender, byte[] data, long receivedAt, long serverRetention)
    {
        if (!Members.Contains(sender)) throw DomainException.NotMember();
        var sequence = ++LastSequence;
        Raise(new MessageSent(GroupId, sequence, sender, Members));
        return new SentMessage(new StoredMessage(GroupId, sequence, sender, data, receivedAt),
            RetentionPolicy.TracksWatermarks(serverRetention, MessageExpirySeconds));
    }
}

/// <summary>What a send stores: the message, and whether the sender's fetch watermark moves up to it.</summary>
public sealed record SentMessage(StoredMessage Message, bool AdvancesSenderWatermark);
