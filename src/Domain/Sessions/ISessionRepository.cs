using Conclave.Domain.Common;

namespace Conclave.Domain.Sessions;

public interface ISessionRepository
{
    void Add(Session session);
    Task<Session?> FindAsync(string tokenHash, CancellationToken cancellationToken);
    void Remove(Session session);
    /// <returns>How many sessions there were.</returns>
    Task<int> RemoveAllAsync(UserId userId, CancellationToken cancellationToken);
}
