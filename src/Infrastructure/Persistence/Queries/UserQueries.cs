using System.Linq.Expressions;
using Conclave.Application.Users;
using Conclave.Domain.Common;
using Conclave.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Conclave.Infrastructure.Persistence.Queries;

internal sealed class UserQueries(ConclaveDbContext db) : IUserQueries
{
    private static readonly Expression<Func<User, UserInfoDto>> Info = u => new UserInfoDto(u.Id, u.Username, u.Alias, u.SigningKeyFingerprint);

    // Compiled: GET /api/v1/me runs it on every call.
    private static readonly Func<ConclaveDbContext, UserId, CancellationToken, Task<UserInfoDto?>> InfoOf =
        EF.CompileAsyncQuery((ConclaveDbContext db, UserId id, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == id).Select(Info).FirstOrDefault());

    public Task<UserInfoDto?> GetAsync(UserId id, CancellationToken cancellationToken) => InfoOf(db, id, cancellationToken);

    public Task<UserInfoDto?> GetByUsernameAsync(string username, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Username == username).Select(Info).FirstOrDefaultAsync(cancellationToken);
}
