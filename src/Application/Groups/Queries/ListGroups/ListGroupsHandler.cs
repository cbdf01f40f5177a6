using MediatR;

namespace Conclave.Application.Groups.Queries.ListGroups;

public sealed class ListGroupsHandler(IGroupQueries groups) : IRequestHandler<ListGroupsQuery, IReadOnlyList<GroupDto>>
{
    public Task<IReadOnlyList<GroupDto>> Handle(ListGroupsQuery query, CancellationToken cancellationToken) =>
        groups.GroupsOfAsync(query.Actor, cancellationToken);
}
