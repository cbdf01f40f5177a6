using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class SessionRepository(ConclaveDbContext db) : ISessionRepository
{
    public void Add(Session session) => db.Sessions.Add(session);

    public Task<Session?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        db.Sessions.FirstOrDefaultAsync(s => s.TokenHash == tokenHash, cancellationToken);

    public void Remove(Session session) => db.Sessions.Remove(session);

    public Task<int> RemoveAllAsync(UserId userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
