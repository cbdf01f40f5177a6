using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Administration.Queries.ListUsers;

public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserSummaryDto>>;
