using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Users.Queries.GetUserByUsername;

public sealed class GetUserByUsernameHandler(IUserQueries users) : IRequestHandler<GetUserByUsernameQuery, UserInfoDto>
{
    public async Task<UserInfoDto> Handle(GetUserByUsernameQuery query, CancellationToken cancellationToken) =>
        await users.GetByUsernameAsync(query.Username, cancellationToken) ?? throw DomainException.UserNotFound();
}
