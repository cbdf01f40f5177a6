using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

public sealed class GroupMember
{
    private GroupMember() { } // EF Core

    internal GroupMember(UserId userId, GroupRole role, long joinedAt)
    {
        UserId = userId;
        Role = role;
        JoinedAt = joinedAt;
    }

    public UserId UserId { get; private set; }
    public GroupRole Role { get; internal set; }
    public long JoinedAt { get; private set; }
}
