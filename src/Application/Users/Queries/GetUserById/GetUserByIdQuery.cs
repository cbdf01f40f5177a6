using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;

namespace Conclave.Application.Users.Queries.GetUserById;

public sealed record GetUserByIdQuery(UserId UserId) : IQuery<UserInfoDto>;
