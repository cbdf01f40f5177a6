using MediatR;

namespace Conclave.Application.Members.Queries.ListBannedUsers;

public sealed class ListBannedUsersHandler(IMemberQueries members) : IRequestHandler<ListBannedUsersQuery, IReadOnlyList<BannedUserDto>>
{
    public Task<IReadOnlyList<BannedUserDto>> Handle(ListBannedUsersQuery query, CancellationToken cancellationToken) =>
        members.BannedAsync(query.GroupId, cancellationToken);
}
