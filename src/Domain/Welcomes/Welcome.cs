using Conclave.Domain.Common;

namespace Conclave.Domain.Welcomes;

/// <summary>An MLS Welcome waiting for its recipient, with the group alias as it was at acceptance.</summary>
public sealed class Welcome
{
    private Welcome() { } // EF Core

    public Welcome(UserId userId, GroupId groupId, string groupAlias, byte[] message, long createdAt)
    {
        Id = WelcomeId.New();
        UserId = userId;
        GroupId = groupId;
        GroupAlias = groupAlias;
        Message = message;
        CreatedAt = createdAt;
    }

    public WelcomeId Id { get; private set; }
    public UserId UserId { get; private set; }
    public GroupId GroupId { get; private set; }
    public string GroupAlias { get; private set; } = "";
    public byte[] Message { get; private set; } = [];
    public long CreatedAt { get; private set; }
}
