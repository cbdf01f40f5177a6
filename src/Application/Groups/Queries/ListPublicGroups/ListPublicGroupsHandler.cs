using MediatR;

namespace Conclave.Application.Groups.Queries.ListPublicGroups;

public sealed class ListPublicGroupsHandler(IGroupQueries groups) : IRequestHandler<ListPublicGroupsQuery, IReadOnlyList<PublicGroupDto>>
{
    public Task<IReadOnlyList<PublicGroupDto>> Handle(ListPublicGroupsQuery query, CancellationToken cancellationToken) =>
        groups.PublicGroupsAsync(query.Pattern, cancellationToken);
}
