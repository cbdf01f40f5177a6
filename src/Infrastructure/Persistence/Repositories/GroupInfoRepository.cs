using Conclave.Domain.Common;
using Conclave.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class GroupInfoRepository(ConclaveDbContext db) : IGroupInfoRepository
{
    public Task<bool> ExistsAsync(GroupId groupId, CancellationToken cancellationToken) =>
        db.GroupInfos.AnyAsync(i => i.GroupId == groupId, cancellationToken);

    public Task<byte[]?> GetAsync(GroupId groupId, CancellationToken cancellationToken) =>
        db.GroupInfos.AsNoTracking().Where(i => i.GroupId == groupId).Select(i => i.Data).FirstOrDefaultAsync(cancellationToken);

    public async Task ReplaceAsync(GroupId groupId, byte[] groupInfo, CancellationToken cancellationToken)
    {
        var stored = await db.GroupInfos.FirstOrDefaultAsync(i => i.GroupId == groupId, cancellationToken);
        if (stored is null) db.GroupInfos.Add(new StoredGroupInfo(groupId, groupInfo));
        else stored.Replace(groupInfo);
    }
}
