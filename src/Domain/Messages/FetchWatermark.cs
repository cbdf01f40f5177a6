using Conclave.Domain.Common;

namespace Conclave.Domain.Messages;

/// <summary>Highest sequence number a member has fetched or sent in a delete-after-fetch group; only grows.</summary>
public sealed class FetchWatermark
{
    private FetchWatermark() { } // EF Core

    public FetchWatermark(GroupId groupId, UserId userId, long sequenceNum)
    {
        GroupId = groupId;
        UserId = userId;
        SequenceNum = sequenceNum;
    }

    public GroupId GroupId { get; private set; }
    public UserId UserId { get; private set; }
    public long SequenceNum { get; private set; }

    public void Advance(long sequenceNum) => SequenceNum = Math.Max(SequenceNum, sequenceNum);
}
