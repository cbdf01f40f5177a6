using Conclave.Application.Common.Security;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Conclave.Infrastructure.Persistence.Lookups;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class SessionRepository(ConclaveDbContext db, WriteGate gate, AccessLookups lookups) : ISessionRepository, ISessionStore
{
    public void Add(Session session) => db.Sessions.Add(session);

    public Task<Session?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.Sessions.FirstOrDefaultAsync(s => s.TokenHash == tokenHash, cancellationToken);

    public void Remove(Session session) => db.Sessions.Remove(session);

    public Task RemoveAllAsync(UserId userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    // Every authenticated request runs it (SessionAuthenticator): a prepared statement, not an EF query.
    Task<AuthenticatedSession?> ISessionStore.FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(lookups.Session(tokenHash));

    public Task SlideAsync(string tokenHash, long expiresAt, CancellationToken cancellationToken) =>
        gate.WriteAsync(db, () => db.Sessions.Where(s => s.TokenHash == tokenHash)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken), cancellationToken);
}
