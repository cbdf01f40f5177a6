using Conclave.Domain.Common;
using Conclave.Domain.Groups;
using Conclave.Domain.Messages;

namespace Conclave.Application.Messages;

/// <summary>
/// The MLS blobs that ride on group changes (CLARIFICATIONS §6.7, §7.1): a non-empty GroupInfo replaces the stored
/// one, a non-empty commit becomes the group's next message. Written in the command's transaction (decision 2).
/// </summary>
public sealed class GroupBlobs(IGroupInfoRepository groupInfos, IMessageLogRepository logs, TimeProvider clock)
{
    /// <summary>Remove, leave and ban: both blobs optional; the commit is stored as the sender's message.</summary>
    public async Task StoreAsync(Group group, UserId sender, byte[] groupInfo, byte[] commit, CancellationToken cancellationToken)
    {
        await ReplaceGroupInfoAsync(group.Id, groupInfo, cancellationToken);
        if (commit.Length == 0) return;
        var log = logs.Of(group);
        log.Append(sender, commit, clock.GetUtcNow().ToUnixTimeSeconds());
        logs.Save(log);
    }

    public Task ReplaceGroupInfoAsync(GroupId groupId, byte[] groupInfo, CancellationToken cancellationToken) =>
        groupInfo.Length > 0 ? groupInfos.ReplaceAsync(groupId, groupInfo, cancellationToken) : Task.CompletedTask;
}
