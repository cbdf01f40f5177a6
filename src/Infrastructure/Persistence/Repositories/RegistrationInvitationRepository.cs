using Conclave.Domain.Common;
using Conclave.Domain.Registration;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class RegistrationInvitationRepository(ConclaveDbContext db) : IRegistrationInvitationRepository
{
    public void Add(RegistrationInvitation invitation) => db.RegistrationInvitations.Add(invitation);

    public Task<RegistrationInvitation?> GetAsync(InvitationId id, CancellationToken cancellationToken) =>
        db.RegistrationInvitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public Task<RegistrationInvitation?> FindByTokenAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.RegistrationInvitations.FirstOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);

    public async Task<bool> IsLiveAsync(string tokenHash, long now, CancellationToken cancellationToken) =>
        await db.RegistrationInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken) is { } invitation
        && invitation.IsLive(now);

    public async Task<IReadOnlyList<RegistrationInvitation>> ListAsync(CancellationToken cancellationToken) =>
        await db.RegistrationInvitations.AsNoTracking().OrderBy(i => i.CreatedAt).ToListAsync(cancellationToken);
}
