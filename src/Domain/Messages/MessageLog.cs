using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.Messages;

/// <summary>
/// A group's message log: the counter shared by messages, commits and external joins (decision 1), who may send, and
/// the group's retention. It numbers and creates every stored message, whichever use case stores it; persistence
/// stores what it appended (<see cref="Appended"/>) and its counter, in the same transaction.
/// </summary>
public sealed class MessageLog(GroupId groupId, long lastSequence, long messageExpirySeconds, IReadOnlyList<UserId> members) : AggregateRoot
{
    private readonly List<StoredMessage> _appended = [];

    public GroupId GroupId { get; } = groupId;
    /// <summary>Last sequence number handed out; only moves forward, gapless, never reused.</summary>
    public long LastSequence { get; private set; } = lastSequence;
    public long MessageExpirySeconds { get; } = messageExpirySeconds;
    public IReadOnlyList<UserId> Members { get; } = members;

    /// <summary>The messages appended since persistence last stored them.</summary>
    public IReadOnlyList<StoredMessage> Appended => _appended;

    /// <summary>
    /// R39–R40: only a member sends (one who left since the access check is refused); the message takes the group's
    /// next number; in a delete-after-fetch group the sender has seen their own message (decision 5).
    /// </summary>
    public SentMessage Send(UserId sender, byte[] data, long receivedAt, long serverRetention)
    {
        if (!Members.Contains(sender)) throw DomainException.NotMember();
        var message = Append(sender, data, receivedAt);
        Raise(new MessageSent(GroupId, message.SequenceNum, sender, Members));
        return new SentMessage(message, RetentionPolicy.TracksWatermarks(serverRetention, MessageExpirySeconds));
    }

    /// <summary>
    /// Stores <paramref name="data"/> as the group's next message, received at <paramref name="now"/>. The caller has
    /// decided that it may (a commit's rules belong to the use case that carries it: <see cref="Group"/>,
    /// <see cref="Invites.Invite"/>).
    /// </summary>
    public StoredMessage Append(UserId sender, byte[] data, long now)
    {
        var message = new StoredMessage(GroupId, ++LastSequence, sender, data, now);
        _appended.Add(message);
        return message;
    }

    /// <summary>Persistence has stored <see cref="Appended"/> (with the counter, in the same transaction).</summary>
    public void ClearAppended() => _appended.Clear();
}

/// <summary>What a send stores: the message, and whether the sender's fetch watermark moves up to it.</summary>
public sealed record SentMessage(StoredMessage Message, bool AdvancesSenderWatermark);
