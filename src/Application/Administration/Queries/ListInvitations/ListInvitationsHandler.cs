using Conclave.Domain.Registration;
using MediatR;

namespace Conclave.Application.Administration.Queries.ListInvitations;

// Through the aggregates, so that the state shown is the one the registration gate applies.
public sealed class ListInvitationsHandler(IRegistrationInvitationRepository invitations, TimeProvider clock)
    : IRequestHandler<ListInvitationsQuery, IReadOnlyList<InvitationSummaryDto>>
{
    public async Task<IReadOnlyList<InvitationSummaryDto>> Handle(ListInvitationsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return [.. (await invitations.ListAsync(cancellationToken)).Select(i =>
            new InvitationSummaryDto(i.Id, i.Note, i.StateAt(now), i.UsesLeft, i.TimesUsed, i.ExpiresAt, i.CreatedAt))];
    }
}
