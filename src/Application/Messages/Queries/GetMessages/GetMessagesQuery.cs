using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Messages.Queries.GetMessages;

/// <summary>
/// <paramref name="After"/> and <paramref name="Limit"/> are the query parameters as sent (null when absent);
/// <paramref name="CutBySize"/> cuts the page at <see cref="FetchWindow.MaxPageContentBytes"/> (our surfaces, not the spec's).
/// The caller disposes the page once it has read the contents.
/// </summary>
public sealed record GetMessagesQuery(GroupId GroupId, UserId Actor, long? After, long? Limit, bool CutBySize = false)
    : IQuery<IMessagePage>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
