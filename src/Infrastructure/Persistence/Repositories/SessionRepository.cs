using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class SessionRepository(ConclaveDbContext db, WriteGate gate) : ISessionRepository, ISessionStore
{
    public void Add(Session session) => db.Sessions.Add(session);

    public Task<Session?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.Sessions.FirstOrDefaultAsync(s => s.TokenHash == tokenHash, cancellationToken);

    public void Remove(Session session) => db.Sessions.Remove(session);

    public Task RemoveAllAsync(UserId userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    Task<AuthenticatedSession?> ISessionStore.FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == tokenHash)
            .Select(s => new AuthenticatedSession(s.UserId, s.TokenHash, s.ExpiresAt))
            .FirstOrDefaultAsync(cancellationToken);

    public Task SlideAsync(string tokenHash, long expiresAt, CancellationToken cancellationToken) =>
        gate.WriteAsync(db, () => db.Sessions.Where(s => s.TokenHash == tokenHash)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken), cancellationToken);
}
