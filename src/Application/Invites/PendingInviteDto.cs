using Conclave.Domain.Common;

namespace Conclave.Application.Invites;

/// <summary>A pending invite with the names resolved when it is listed (CLARIFICATIONS R32).</summary>
public sealed record PendingInviteDto(
    InviteId InviteId, GroupId GroupId, string GroupName, string GroupAlias, string InviterUsername, long CreatedAt, UserId InviteeId, UserId InviterId);
