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
        AuthenticatedSessionOf(db, tokenHash, cancellationToken);

    // Compiled: every authenticated request runs it (SessionAuthenticator).
    private static readonly Func<ConclaveDbContext, string, CancellationToken, Task<AuthenticatedSession?>> AuthenticatedSessionOf =
        EF.CompileAsyncQuery((ConclaveDbContext db, string tokenHash, CancellationToken _) =>
            db.Sessions.AsNoTracking()
                .Where(s => s.TokenHash == tokenHash)
                .Select(s => new AuthenticatedSession(s.UserId, s.TokenHash, s.ExpiresAt))
                .FirstOrDefault());

    public Task SlideAsync(string tokenHash, long expiresAt, CancellationToken cancellationToken) =>
        gate.WriteAsync(db, () => db.Sessions.Where(s => s.TokenHash == tokenHash)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, expiresAt), cancellationToken), cancellationToken);
}
