using Conclave.Domain.Common;

namespace Conclave.Domain.Sessions;

public interface ISessionRepository
{
    void Add(Session session);
    Task<Session?> FindAsync(string tokenHash, CancellationToken cancellationToken);
    void Remove(Session session);
    Task RemoveAllAsync(UserId userId, CancellationToken cancellationToken);
}
