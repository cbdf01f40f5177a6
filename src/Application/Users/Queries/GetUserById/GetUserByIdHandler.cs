using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Users.Queries.GetUserById;

public sealed class GetUserByIdHandler(IUserQueries users) : IRequestHandler<GetUserByIdQuery, UserInfoDto>
{
    public async Task<UserInfoDto> Handle(GetUserByIdQuery query, CancellationToken cancellationToken) =>
        await users.GetAsync(query.UserId, cancellationToken) ?? throw DomainException.UserNotFound();
}
