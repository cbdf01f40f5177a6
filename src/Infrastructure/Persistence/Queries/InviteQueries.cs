using Conclave.Application.Invites;
using Conclave.Domain.Common;
using Conclave.Domain.Invites;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class InviteQueries(ConclaveDbContext db) : IInviteQueries
{
    public Task<IReadOnlyList<PendingInviteDto>> ForInviteeAsync(UserId invitee, CancellationToken cancellationToken) =>
        ListAsync(db.Invites.Where(i => i.InviteeId == invitee), cancellationToken);

    public Task<IReadOnlyList<PendingInviteDto>> ForGroupAsync(GroupId groupId, CancellationToken cancellationToken) =>
        ListAsync(db.Invites.Where(i => i.GroupId == groupId), cancellationToken);

    private async Task<IReadOnlyList<PendingInviteDto>> ListAsync(IQueryable<Invite> invites, CancellationToken cancellationToken) =>
        await (from invite in invites.AsNoTracking()
               join grp in db.Groups on invite.GroupId equals grp.Id
               join inviter in db.Users on invite.InviterId equals inviter.Id
               orderby invite.CreatedAt
               select new PendingInviteDto(invite.Id, invite.GroupId, grp.Name, grp.Alias, inviter.Username,
                   invite.CreatedAt, invite.InviteeId, invite.InviterId))
            .ToListAsync(cancellationToken);
}
