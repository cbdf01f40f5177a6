using Conclave.Domain.Common;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Repositories;

internal sealed class UserRepository(ConclaveDbContext db) : IUserRepository
{
    public Task<User?> GetAsync(UserId id, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<User?> GetByUsernameAsync(string username, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Username == username, cancellationToken);

    public Task<bool> ExistsAsync(UserId id, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == id, cancellationToken);

    // SQLite's lower() folds ASCII letters only, as decision 13 asks (usernames are ASCII by their rule anyway).
    public Task<bool> UsernameTakenAsync(string username, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Username.ToLower() == username.ToLower(), cancellationToken);

    public void Add(User user) => db.Users.Add(user);

    // Invites and sent messages have no cascade from users (spec api/accounts.md); the row's delete cascades the rest.
    public async Task DeleteAsync(User user, CancellationToken cancellationToken)
    {
        await db.Invites.Where(i => i.InviterId == user.Id || i.InviteeId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Messages.Where(m => m.SenderId == user.Id).ExecuteDeleteAsync(cancellationToken);
        db.Users.Remove(user);
    }
}
