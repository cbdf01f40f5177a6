using Conclave.Application.Users;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class UserQueries(ConclaveDbContext db) : IUserQueries
{
    public Task<UserInfoDto?> GetAsync(UserId id, CancellationToken cancellationToken) =>
        Project(db.Users.Where(u => u.Id == id), cancellationToken);

    public Task<UserInfoDto?> GetByUsernameAsync(string username, CancellationToken cancellationToken) =>
        Project(db.Users.Where(u => u.Username == username), cancellationToken);

    private static Task<UserInfoDto?> Project(IQueryable<User> users, CancellationToken cancellationToken) =>
        users.AsNoTracking()
            .Select(u => new UserInfoDto(u.Id, u.Username, u.Alias, u.SigningKeyFingerprint))
            .FirstOrDefaultAsync(cancellationToken);
}
