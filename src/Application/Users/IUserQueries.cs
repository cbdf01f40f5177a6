using Conclave.Domain.Common;

namespace Conclave.Application.Users;

public interface IUserQueries
{
    Task<UserInfoDto?> GetAsync(UserId id, CancellationToken cancellationToken);
    Task<UserInfoDto?> GetByUsernameAsync(string username, CancellationToken cancellationToken);
}
