using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Administration.Queries.ListSessions;

public sealed class ListSessionsHandler(IAdministrationQueries queries, ServerSettings settings, TimeProvider clock)
    : IRequestHandler<ListSessionsQuery, IReadOnlyList<SessionSummaryDto>>
{
    public async Task<IReadOnlyList<SessionSummaryDto>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var expiries = await queries.SessionExpiriesAsync(query.Username, clock.GetUtcNow().ToUnixTimeSeconds(), cancellationToken)
            ?? throw DomainException.UserNotFound();
        return expiries.Select(expiresAt => new SessionSummaryDto(expiresAt - settings.TokenTtlSeconds, expiresAt)).ToList();
    }
}
