using Conclave.Application.Common.Settings;
using Conclave.Domain.Common;
using Conclave.Domain.Sessions;
using MediatR;

namespace Conclave.Application.Administration.Queries.ListSessions;

public sealed class ListSessionsHandler(IAdministrationQueries queries, ServerSettings settings, TimeProvider clock)
    : IRequestHandler<ListSessionsQuery, IReadOnlyList<SessionSummaryDto>>
{
    public async Task<IReadOnlyList<SessionSummaryDto>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var sessions = await queries.SessionTimesAsync(query.Username, clock.GetUtcNow().ToUnixTimeSeconds(), cancellationToken)
            ?? throw DomainException.UserNotFound();
        return sessions
            .Select(s => new SessionSummaryDto(s.CreatedAt, Session.LastUsedAt(s.CreatedAt, s.ExpiresAt, settings.TokenTtlSeconds), s.ExpiresAt))
            .ToList();
    }
}
