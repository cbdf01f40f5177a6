using Conclave.Domain.Common;

namespace Conclave.Domain.Messages;

/// <summary>An opaque MLS message (application message or commit) at its place in the group's sequence.</summary>
public sealed class StoredMessage
{
    private StoredMessage() { } // EF Core

    public StoredMessage(GroupId groupId, long sequenceNum, UserId senderId, byte[] data, long createdAt)
    {
        GroupId = groupId;
        SequenceNum = sequenceNum;
        SenderId = senderId;
        Data = data;
        CreatedAt = createdAt;
    }

    public GroupId GroupId { get; private set; }
    public long SequenceNum { get; private set; }
    public UserId SenderId { get; private set; }
    public byte[] Data { get; private set; } = [];
    public long CreatedAt { get; private set; }
}
