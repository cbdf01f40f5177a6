using MediatR;

namespace Conclave.Application.Administration.Queries.ListAllGroups;

public sealed class ListAllGroupsHandler(IAdministrationQueries queries) : IRequestHandler<ListAllGroupsQuery, IReadOnlyList<GroupSummaryDto>>
{
    public Task<IReadOnlyList<GroupSummaryDto>> Handle(ListAllGroupsQuery query, CancellationToken cancellationToken) =>
        queries.GroupsAsync(cancellationToken);
}
