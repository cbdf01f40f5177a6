namespace Conclave.Plugins.Abstractions.Events;

/// <summary>A member stored an application message (its contents stay out of the event).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="SequenceNum">The message's sequence number in the group.</param>
/// <param name="SenderId">The sender.</param>
public sealed record MessageStored(Guid GroupId, long SequenceNum, Guid SenderId) : ConclaveEvent;

/// <summary>A member uploaded an MLS commit, stored as the group's next message.</summary>
/// <param name="GroupId">The group.</param>
/// <param name="SequenceNum">The commit's sequence number in the group.</param>
/// <param name="CommitterId">The member who committed.</param>
public sealed record CommitStored(Guid GroupId, long SequenceNum, Guid CommitterId) : ConclaveEvent;

/// <summary>A user completed an external join with a commit (a public-group joiner, or a member rejoining after a reset).</summary>
/// <param name="GroupId">The group.</param>
/// <param name="UserId">The joining user.</param>
/// <param name="WasPendingJoin">True for a public-group joiner, false for a rejoin.</param>
/// <param name="SequenceNum">The join commit's sequence number.</param>
public sealed record ExternalJoinCompleted(Guid GroupId, Guid UserId, bool WasPendingJoin, long SequenceNum) : ConclaveEvent;
