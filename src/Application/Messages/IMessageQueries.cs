using Conclave.Domain.Common;

namespace Conclave.Application.Messages;

public interface IMessageQueries
{
    /// <summary>At most <paramref name="limit"/> messages numbered above <paramref name="after"/>, ascending.</summary>
    Task<IReadOnlyList<MessageDto>> AfterAsync(GroupId groupId, long after, int limit, CancellationToken cancellationToken);
}
