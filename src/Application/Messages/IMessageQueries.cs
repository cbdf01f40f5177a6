using Conclave.Domain.Common;

namespace Conclave.Application.Messages;

public interface IMessageQueries
{
    /// <summary>
    /// Opens the page of at most <paramref name="limit"/> messages numbered above <paramref name="after"/>, ascending,
    /// cut by <see cref="Queries.GetMessages.FetchWindow.Cut"/> when <paramref name="maxContentBytes"/> is given.
    /// </summary>
    Task<IMessagePage> OpenPageAsync(GroupId groupId, long after, int limit, long? maxContentBytes, CancellationToken cancellationToken);
}
