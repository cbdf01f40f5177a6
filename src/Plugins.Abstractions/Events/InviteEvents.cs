namespace Conclave.Plugins.Abstractions.Events;

/// <summary>An admin escrowed an invite (its commit, Welcome and GroupInfo are held until the invitee answers).</summary>
/// <param name="InviteId">The invite.</param>
/// <param name="GroupId">The group.</param>
/// <param name="InviterId">The admin who invited.</param>
/// <param name="InviteeId">The invited user.</param>
public sealed record InviteEscrowed(Guid InviteId, Guid GroupId, Guid InviterId, Guid InviteeId) : ConclaveEvent;

/// <summary>The invitee accepted and joined; the escrowed commit was stored as the group's next message.</summary>
/// <param name="InviteId">The invite.</param>
/// <param name="GroupId">The group.</param>
/// <param name="InviterId">The admin who invited.</param>
/// <param name="InviteeId">The new member.</param>
/// <param name="CommitSequenceNum">The sequence number the commit was stored under.</param>
public sealed record InviteAccepted(Guid InviteId, Guid GroupId, Guid InviterId, Guid InviteeId, long CommitSequenceNum) : ConclaveEvent;

/// <summary>The invitee declined.</summary>
/// <param name="InviteId">The invite.</param>
/// <param name="GroupId">The group.</param>
/// <param name="InviterId">The admin who invited.</param>
/// <param name="InviteeId">The invitee.</param>
public sealed record InviteDeclined(Guid InviteId, Guid GroupId, Guid InviterId, Guid InviteeId) : ConclaveEvent;

/// <summary>An admin cancelled a pending invite.</summary>
/// <param name="InviteId">The invite.</param>
/// <param name="GroupId">The group.</param>
/// <param name="InviterId">The admin who invited.</param>
/// <param name="InviteeId">The invitee.</param>
/// <param name="CancelledById">The admin who cancelled.</param>
public sealed record InviteCancelled(Guid InviteId, Guid GroupId, Guid InviterId, Guid InviteeId, Guid CancelledById) : ConclaveEvent;

/// <summary>A pending invite was dropped without telling anyone because its invitee was banned (expired invites are deleted by the cleanup task, unannounced).</summary>
/// <param name="InviteId">The invite.</param>
/// <param name="GroupId">The group.</param>
/// <param name="InviterId">The admin who invited.</param>
/// <param name="InviteeId">The invitee.</param>
public sealed record InviteDiscarded(Guid InviteId, Guid GroupId, Guid InviterId, Guid InviteeId) : ConclaveEvent;
