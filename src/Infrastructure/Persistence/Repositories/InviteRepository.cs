using Conclave.Domain.Common;
using Conclave.Domain.Invites;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class InviteRepository(ConclaveDbContext db) : IInviteRepository
{
    public Task<Invite?> GetAsync(InviteId id, CancellationToken cancellationToken) =>
        db.Invites.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<Invite?> FindPendingAsync(GroupId groupId, UserId invitee, CancellationToken cancellationToken) =>
        db.Invites.FirstOrDefaultAsync(i => i.GroupId == groupId && i.InviteeId == invitee, cancellationToken);

    public Task<bool> PendingExistsAsync(GroupId groupId, UserId invitee, CancellationToken cancellationToken) =>
        db.Invites.AnyAsync(i => i.GroupId == groupId && i.InviteeId == invitee, cancellationToken);

    public void Add(Invite invite) => db.Invites.Add(invite);

    public void Remove(Invite invite) => db.Invites.Remove(invite);
}
