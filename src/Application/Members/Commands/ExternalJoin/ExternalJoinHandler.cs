using Conclave.Application.Groups;
using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using MediatR;

namespace Conclave.Application.Members.Commands.ExternalJoin;

// CLARIFICATIONS R30: GroupInfo must exist (and is never changed here); the pending-join flag is consumed even
// without a commit; mls_group_id is set once; a commit becomes the caller's message. One transaction (decision 2).
public sealed class ExternalJoinHandler(IGroupRepository groups, IGroupInfoRepository groupInfos, IMessageLogRepository logs, TimeProvider clock)
    : IRequestHandler<ExternalJoinCommand, Unit>
{
    public async Task<Unit> Handle(ExternalJoinCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetForAsync(command, cancellationToken);
        group.RequireMember(command.Actor);
        if (!await groupInfos.ExistsAsync(group.Id, cancellationToken))
            throw new DomainException(DomainError.BadRequest, "no group info available for external join");
        var wasPendingJoin = group.ConsumePendingExternalJoin(command.Actor);
        group.RecordMlsGroupId(command.MlsGroupId);
        if (command.CommitMessage.Length > 0)
        {
            var log = logs.Of(group);
            group.CompleteExternalJoin(command.Actor, wasPendingJoin, log, command.CommitMessage, clock.GetUtcNow().ToUnixTimeSeconds());
            logs.Save(log);
        }
        return Unit.Value;
    }
}
