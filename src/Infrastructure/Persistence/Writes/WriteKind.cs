namespace Conclave.Infrastructure.Persistence.Writes;

/// <summary>
/// What a write changed, as far as the write rules go (docs/architecture.md, "Invariants"). Every write is admitted
/// by the engine (<see cref="IWriteAdmission"/>) and answered only once durable, and a query answers only once every
/// write it may have read is durable; the kinds differ in one rule: an <see cref="Access"/> write ends every kept
/// session and role look-up. The EF unit of work derives its kind from what it saved (<see cref="WrittenEntities"/>);
/// every other write path declares its own.
/// </summary>
internal enum WriteKind
{
    /// <summary>Rolled back, or nothing was saved.</summary>
    None,

    /// <summary>Nothing a session or role look-up reads: messages, group counters, fetch watermarks, key packages, invites, welcomes.</summary>
    Content,

    /// <summary>May change what a session or role look-up answers: sessions, users, groups, memberships, or a statement EF did not track.</summary>
    Access,
}
