using Conclave.Application.Groups;
using MediatR;

namespace Conclave.Application.Members.Queries.ListAdmins;

public sealed class ListAdminsHandler(IMemberQueries members) : IRequestHandler<ListAdminsQuery, IReadOnlyList<GroupMemberDto>>
{
    public Task<IReadOnlyList<GroupMemberDto>> Handle(ListAdminsQuery query, CancellationToken cancellationToken) =>
        members.AdminsAsync(query.GroupId, cancellationToken);
}
