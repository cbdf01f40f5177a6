using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;

namespace Conclave.Application.Messages.Queries.GetMessages;

/// <summary><paramref name="After"/> and <paramref name="Limit"/> are the query parameters as sent (null when absent).</summary>
public sealed record GetMessagesQuery(GroupId GroupId, UserId Actor, long? After, long? Limit) : IQuery<IReadOnlyList<MessageDto>>, IGroupScoped
{
    public GroupRole RequiredRole => GroupRole.Member;
}
