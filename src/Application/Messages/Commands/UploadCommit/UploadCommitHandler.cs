using Conclave.Application.Groups;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;
using MediatR;

namespace Conclave.Application.Messages.Commands.UploadCommit;

// GroupInfo, the commit as the next message and the set-once mls_group_id in one transaction (spec api/messages.md,
// decision 2; the reference sets mls_group_id in a second statement, C33).
public sealed class UploadCommitHandler(IGroupRepository groups, IMessageLogRepository logs, GroupBlobs blobs, TimeProvider clock) : IRequestHandler<UploadCommitCommand, Unit>
{
    public async Task<Unit> Handle(UploadCommitCommand command, CancellationToken cancellationToken)
    {
        var group = await groups.GetForAsync(command, cancellationToken);
        group.RequireMember(command.Actor);
        await blobs.ReplaceGroupInfoAsync(group.Id, command.GroupInfo, cancellationToken);
        if (command.CommitMessage.Length > 0)
        {
            var log = logs.Of(group);
            group.UploadCommit(command.Actor, log, command.CommitMessage, clock.GetUtcNow().ToUnixTimeSeconds());
            logs.Save(log);
        }
        group.RecordMlsGroupId(command.MlsGroupId);
        return Unit.Value;
    }
}
