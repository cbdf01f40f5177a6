using MediatR;

namespace Conclave.Application.Invites.Queries.ListGroupPendingInvites;

public sealed class ListGroupPendingInvitesHandler(IInviteQueries invites)
    : IRequestHandler<ListGroupPendingInvitesQuery, IReadOnlyList<PendingInviteDto>>
{
    public Task<IReadOnlyList<PendingInviteDto>> Handle(ListGroupPendingInvitesQuery query, CancellationToken cancellationToken) =>
        invites.ForGroupAsync(query.GroupId, cancellationToken);
}
