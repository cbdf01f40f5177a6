using Conclave.Application.Common.Persistence;
using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using MediatR;

namespace Conclave.Application.Messages.Commands.SendMessage;

/// <summary>
/// Returns the message's sequence number. No validator: an empty mls_message is stored too (C43). Committed by the
/// message log, batched with other sends (<see cref="IMessageLog"/>).
/// </summary>
public sealed record SendMessageCommand(GroupId GroupId, UserId Actor, byte[] MlsMessage) : IRequest<long>, IGroupScoped, ICommittedByMessageLog
{
    public GroupRole RequiredRole => GroupRole.Member;
}
