using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Domain.Users;

public sealed record UserRegistered(UserId UserId, string Username) : IDomainEvent;

public sealed record ProfileUpdated(UserId UserId) : IDomainEvent;

public sealed record PasswordChanged(UserId UserId) : IDomainEvent;

public sealed record AccountReset(UserId UserId) : IDomainEvent;

/// <summary>The operator ended every session of the user (admin users sign-out); the account stays as it was.</summary>
public sealed record SignedOutEverywhere(UserId UserId) : IDomainEvent;

/// <summary>The account is gone; <paramref name="Groups"/> holds, per group it was in, the members who remain.</summary>
public sealed record AccountDeleted(UserId UserId, IReadOnlyList<GroupMembers> Groups) : IDomainEvent;
