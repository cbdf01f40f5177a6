using MediatR;

namespace Conclave.Application.Invites.Queries.ListPendingInvites;

public sealed class ListPendingInvitesHandler(IInviteQueries invites) : IRequestHandler<ListPendingInvitesQuery, IReadOnlyList<PendingInviteDto>>
{
    public Task<IReadOnlyList<PendingInviteDto>> Handle(ListPendingInvitesQuery query, CancellationToken cancellationToken) =>
        invites.ForInviteeAsync(query.Actor, cancellationToken);
}
