using Conclave.Domain.Common;

namespace Conclave.Domain.Messages;

/// <summary>The latest MLS GroupInfo of a group, kept apart from the group row so it is never loaded with it.</summary>
public sealed class StoredGroupInfo
{
    private StoredGroupInfo() { } // EF Core

    public StoredGroupInfo(GroupId groupId, byte[] data)
    {
        GroupId = groupId;
        Data = data;
    }

    public GroupId GroupId { get; private set; }
    public byte[] Data { get; private set; } = [];

    public void Replace(byte[] data) => Data = data;
}
