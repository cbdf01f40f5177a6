using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

// Events carry ids and, where they decide who is told, the members at the moment of the change.

public sealed record GroupCreated(GroupId GroupId, UserId Creator, string Name) : IDomainEvent;

/// <summary>Alias, name, expiry or visibility changed (or an update that changed nothing: it is still announced).</summary>
public sealed record GroupSettingsUpdated(GroupId GroupId, UserId Actor, IReadOnlyList<UserId> Members) : IDomainEvent;

public sealed record MemberRoleChanged(GroupId GroupId, UserId Actor, UserId Target, GroupRole Role, IReadOnlyList<UserId> Members) : IDomainEvent;

/// <summary>An admin removed <paramref name="Target"/> (remove, or ban of a member); <paramref name="Remaining"/> excludes the target.</summary>
public sealed record MemberRemoved(GroupId GroupId, UserId Actor, UserId Target, IReadOnlyList<UserId> Remaining) : IDomainEvent;

public sealed record MemberLeft(GroupId GroupId, UserId Member, IReadOnlyList<UserId> Remaining) : IDomainEvent;

public enum MembershipSource
{
    Invite,
    PublicJoin,
}

public sealed record MemberAdded(GroupId GroupId, UserId Member, MembershipSource Source) : IDomainEvent;

public sealed record UserBanned(GroupId GroupId, UserId Actor, UserId Target, bool WasMember) : IDomainEvent;

public sealed record UserUnbanned(GroupId GroupId, UserId Actor, UserId Target) : IDomainEvent;

public sealed record GroupDeleted(GroupId GroupId, UserId Actor, IReadOnlyList<UserId> Members) : IDomainEvent;

/// <summary>A member stored an application message.</summary>
public sealed record MessageSent(GroupId GroupId, long SequenceNum, UserId Sender, IReadOnlyList<UserId> Members) : IDomainEvent;

/// <summary>A member uploaded a commit (stored as the message <paramref name="SequenceNum"/>).</summary>
public sealed record CommitUploaded(GroupId GroupId, long SequenceNum, UserId Committer, IReadOnlyList<UserId> Members) : IDomainEvent;

/// <summary>
/// A member completed an external join with a commit: a public-room joiner (<paramref name="WasPendingJoin"/>)
/// or a member rejoining after an account reset.
/// </summary>
public sealed record ExternalJoinCompleted(GroupId GroupId, UserId Member, bool WasPendingJoin, long SequenceNum, IReadOnlyList<UserId> Members) : IDomainEvent;
