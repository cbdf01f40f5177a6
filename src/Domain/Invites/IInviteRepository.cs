using Conclave.Domain.Common;

namespace Conclave.Domain.Invites;

public interface IInviteRepository
{
    Task<Invite?> GetAsync(InviteId id, CancellationToken cancellationToken);
    /// <summary>The pending invite of <paramref name="invitee"/> to the group (at most one exists).</summary>
    Task<Invite?> FindPendingAsync(GroupId groupId, UserId invitee, CancellationToken cancellationToken);
    Task<bool> PendingExistsAsync(GroupId groupId, UserId invitee, CancellationToken cancellationToken);
    void Add(Invite invite);
    void Remove(Invite invite);
}
