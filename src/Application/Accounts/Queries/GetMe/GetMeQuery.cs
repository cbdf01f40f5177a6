using Conclave.Application.Common.Persistence;
using Conclave.Application.Users;
using Conclave.Domain.Common;

namespace Conclave.Application.Accounts.Queries.GetMe;

public sealed record GetMeQuery(UserId Actor) : IQuery<UserInfoDto>;
