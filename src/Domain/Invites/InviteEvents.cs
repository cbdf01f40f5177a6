using Conclave.Domain.Common;

namespace Conclave.Domain.Invites;

public sealed record InviteEscrowed(InviteId InviteId, GroupId GroupId, string GroupName, string GroupAlias, UserId Inviter, UserId Invitee) : IDomainEvent;

/// <summary>The invitee joined; <paramref name="Members"/> are the group's members after admission (the invitee included).</summary>
public sealed record InviteAccepted(InviteId InviteId, GroupId GroupId, UserId Invitee, UserId Inviter, string GroupAlias, long CommitSequenceNum, IReadOnlyList<UserId> Members) : IDomainEvent;

public sealed record InviteDeclined(InviteId InviteId, GroupId GroupId, UserId Invitee, UserId Inviter) : IDomainEvent;

public sealed record InviteCancelled(InviteId InviteId, GroupId GroupId, UserId Invitee, UserId Inviter, UserId CancelledBy) : IDomainEvent;

/// <summary>Deleted without telling anyone (ban of the invitee, expiry).</summary>
public sealed record InviteDiscarded(InviteId InviteId, GroupId GroupId, UserId Invitee, UserId Inviter) : IDomainEvent;
