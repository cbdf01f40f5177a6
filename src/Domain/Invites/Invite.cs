using Conclave.Domain.Common;

namespace Conclave.Domain.Invites;

/// <summary>An escrowed invitation: the inviter's commit, Welcome and GroupInfo, held until the invitee decides.</summary>
public sealed class Invite : AggregateRoot
{
    private Invite() { } // EF Core

    public InviteId Id { get; private set; }
    public GroupId GroupId { get; private set; }
    public UserId InviteeId { get; private set; }
    public UserId InviterId { get; private set; }
    public byte[] CommitMessage { get; private set; } = [];
    public byte[] WelcomeMessage { get; private set; } = [];
    public byte[] GroupInfo { get; private set; } = [];
    public long CreatedAt { get; private set; }

    public static Invite Escrow(GroupId groupId, UserId inviter, UserId invitee, byte[] commit, byte[] welcome, byte[] groupInfo, long now) =>
        new()
        {
            Id = InviteId.New(),
            GroupId = groupId,
            InviterId = inviter,
            InviteeId = invitee,
            CommitMessage = commit,
            WelcomeMessage = welcome,
            GroupInfo = groupInfo,
            CreatedAt = now,
        };
}
