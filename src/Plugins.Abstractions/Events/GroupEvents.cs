namespace Conclave.Plugins.Abstractions.Events;

/// <summary>A group was created; its creator is its first admin.</summary>
/// <param name="GroupId">The new group.</param>
/// <param name="CreatorId">The user who created it.</param>
/// <param name="Name">The group's unique name.</param>
public sealed record GroupCreated(Guid GroupId, Guid CreatorId, string Name) : ConclaveEvent;

/// <summary>An admin updated the group's settings (alias, message expiry, visibility).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="ActorId">The admin.</param>
public sealed record GroupUpdated(Guid GroupId, Guid ActorId) : ConclaveEvent;

/// <summary>An admin deleted the group with its messages, invites and welcomes.</summary>
/// <param name="GroupId">The deleted group.</param>
/// <param name="ActorId">The admin.</param>
/// <param name="MemberIds">The members at the moment of deletion.</param>
public sealed record GroupDeleted(Guid GroupId, Guid ActorId, IReadOnlyList<Guid> MemberIds) : ConclaveEvent;

/// <summary>How a user became a member.</summary>
public enum MembershipSource
{
    /// <summary>By accepting an escrowed invite.</summary>
    Invite,
    /// <summary>By joining a public group.</summary>
    PublicJoin,
}

/// <summary>A user became a member of a group.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="UserId">The new member.</param>
/// <param name="Source">How they joined.</param>
public sealed record MemberAdded(Guid GroupId, Guid UserId, MembershipSource Source) : ConclaveEvent;

/// <summary>An admin removed a member (remove, or the ban of a member).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="ActorId">The admin.</param>
/// <param name="UserId">The removed member.</param>
public sealed record MemberRemoved(Guid GroupId, Guid ActorId, Guid UserId) : ConclaveEvent;

/// <summary>A member left the group.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="UserId">The member who left.</param>
public sealed record MemberLeft(Guid GroupId, Guid UserId) : ConclaveEvent;

/// <summary>A member's role in a group.</summary>
public enum MemberRole
{
    /// <summary>An ordinary member.</summary>
    Member,
    /// <summary>A group admin.</summary>
    Admin,
}

/// <summary>An admin promoted or demoted a member.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="ActorId">The admin.</param>
/// <param name="UserId">The member whose role changed.</param>
/// <param name="Role">The new role.</param>
public sealed record MemberRoleChanged(Guid GroupId, Guid ActorId, Guid UserId, MemberRole Role) : ConclaveEvent;

/// <summary>An admin banned a user from the group.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="ActorId">The admin.</param>
/// <param name="UserId">The banned user.</param>
/// <param name="WasMember">Whether the user was a member (then <see cref="MemberRemoved"/> came first).</param>
public sealed record UserBanned(Guid GroupId, Guid ActorId, Guid UserId, bool WasMember) : ConclaveEvent;

/// <summary>An admin lifted a ban.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="ActorId">The admin.</param>
/// <param name="UserId">The user no longer banned.</param>
public sealed record UserUnbanned(Guid GroupId, Guid ActorId, Guid UserId) : ConclaveEvent;
