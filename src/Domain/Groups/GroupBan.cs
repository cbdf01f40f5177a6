using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

public sealed class GroupBan
{
    private GroupBan() { } // EF Core

    internal GroupBan(UserId userId, UserId bannedBy, long bannedAt)
    {
        UserId = userId;
        BannedBy = bannedBy;
        BannedAt = bannedAt;
    }

    public UserId UserId { get; private set; }
    public UserId BannedBy { get; private set; }
    public long BannedAt { get; private set; }
}
