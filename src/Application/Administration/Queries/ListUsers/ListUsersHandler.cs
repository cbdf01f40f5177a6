using MediatR;

namespace Conclave.Application.Administration.Queries.ListUsers;

public sealed class ListUsersHandler(IAdministrationQueries queries, TimeProvider clock)
    : IRequestHandler<ListUsersQuery, IReadOnlyList<UserSummaryDto>>
{
    public Task<IReadOnlyList<UserSummaryDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        queries.UsersAsync(clock.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
}
