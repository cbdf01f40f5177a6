namespace Conclave.Plugins.Abstractions.Events;

/// <summary>A user registered (public registration or the admin CLI).</summary>
/// <param name="UserId">The new user's id.</param>
/// <param name="Username">The chosen username.</param>
public sealed record UserRegistered(Guid UserId, string Username) : ConclaveEvent;

/// <summary>A user changed their alias.</summary>
/// <param name="UserId">The user.</param>
public sealed record ProfileUpdated(Guid UserId) : ConclaveEvent;

/// <summary>A user changed their password (or an operator reset it); every session of theirs ended.</summary>
/// <param name="UserId">The user.</param>
public sealed record PasswordChanged(Guid UserId) : ConclaveEvent;

/// <summary>A session ended by logging out.</summary>
/// <param name="UserId">The user whose session ended.</param>
public sealed record SessionEnded(Guid UserId) : ConclaveEvent;

/// <summary>An operator signed a user out everywhere (admin users sign-out); every session of theirs ended.</summary>
/// <param name="UserId">The user.</param>
public sealed record SignedOutEverywhere(Guid UserId) : ConclaveEvent;

/// <summary>A user reset their account: their key packages are gone and they rejoin their groups.</summary>
/// <param name="UserId">The user.</param>
public sealed record AccountReset(Guid UserId) : ConclaveEvent;

/// <summary>An account was deleted (by its owner or an operator) with everything that was its own.</summary>
/// <param name="UserId">The deleted user.</param>
/// <param name="GroupIds">The groups the user was in that still have members.</param>
public sealed record AccountDeleted(Guid UserId, IReadOnlyList<Guid> GroupIds) : ConclaveEvent;
