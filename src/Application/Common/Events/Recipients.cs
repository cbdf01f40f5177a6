using Conclave.Domain.Common;

namespace Conclave.Application.Common.Events;

public static class Recipients
{
    /// <summary>Everyone in <paramref name="members"/> but <paramref name="excluded"/> (spec architecture/sse.md: MLS operations skip their author).</summary>
    public static UserId[] AllBut(IReadOnlyList<UserId> members, UserId excluded) => members.Where(m => m != excluded).ToArray();
}
