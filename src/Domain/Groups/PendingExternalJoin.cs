using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

/// <summary>Set by a public join, consumed by the joiner's next external join (CLARIFICATIONS C30).</summary>
public sealed class PendingExternalJoin
{
    private PendingExternalJoin() { } // EF Core

    internal PendingExternalJoin(UserId userId) => UserId = userId;

    public UserId UserId { get; private set; }
}
