using Conclave.Domain.Common;

namespace Conclave.Domain.Messages;

public interface IGroupInfoRepository
{
    Task<bool> ExistsAsync(GroupId groupId, CancellationToken cancellationToken);
    Task<byte[]?> GetAsync(GroupId groupId, CancellationToken cancellationToken);
    /// <summary>Stores <paramref name="groupInfo"/> as the group's GroupInfo, replacing any previous one.</summary>
    Task ReplaceAsync(GroupId groupId, byte[] groupInfo, CancellationToken cancellationToken);
}
