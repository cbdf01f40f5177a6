using Conclave.Domain.Common;

namespace Conclave.Domain.Messages;

public interface IFetchWatermarkRepository
{
    /// <summary>
    /// Raises the member's watermark in the group to <paramref name="sequenceNum"/> if it is higher (it never decreases);
    /// a single atomic write, applied only while the user is a member of the group.
    /// </summary>
    Task AdvanceAsync(GroupId groupId, UserId userId, long sequenceNum, CancellationToken cancellationToken);
}
