using Conclave.Application.Users;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Accounts.Queries.GetMe;

public sealed class GetMeHandler(IUserQueries users) : IRequestHandler<GetMeQuery, UserInfoDto>
{
    public async Task<UserInfoDto> Handle(GetMeQuery query, CancellationToken cancellationToken) =>
        await users.GetAsync(query.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
}
