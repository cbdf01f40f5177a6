using Conclave.Domain.Common;

namespace Conclave.Domain.Groups;

public interface IGroupRepository
{
    /// <summary>The group with its members, bans and pending external joins (never its blobs).</summary>
    Task<Group?> GetAsync(GroupId id, CancellationToken cancellationToken);
    Task<bool> NameTakenAsync(string name, CancellationToken cancellationToken);
    void Add(Group group);
    Task DeleteAsync(Group group, CancellationToken cancellationToken);
}
