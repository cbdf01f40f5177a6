using Conclave.Domain.Common;

namespace Conclave.Domain.Users;

public interface IUserRepository
{
    Task<User?> GetAsync(UserId id, CancellationToken cancellationToken);
    Task<User?> GetByUsernameAsync(string username, CancellationToken cancellationToken);
    Task<bool> ExistsAsync(UserId id, CancellationToken cancellationToken);
    /// <summary>
    /// Whether a new account may not take <paramref name="username"/>: an existing username equals it ignoring ASCII
    /// case, so "Alice" cannot pass for "alice" (CLARIFICATIONS decision 13). Asked inside the write transaction that
    /// adds the account. Lookups stay exact (C21).
    /// </summary>
    Task<bool> UsernameTakenAsync(string username, CancellationToken cancellationToken);
    void Add(User user);
    /// <summary>Deletes the user with everything that is theirs (CLARIFICATIONS C38).</summary>
    Task DeleteAsync(User user, CancellationToken cancellationToken);
}
