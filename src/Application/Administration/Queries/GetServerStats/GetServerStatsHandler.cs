using MediatR;

namespace Conclave.Application.Administration.Queries.GetServerStats;

public sealed class GetServerStatsHandler(IAdministrationQueries queries, TimeProvider clock) : IRequestHandler<GetServerStatsQuery, ServerStatsDto>
{
    public Task<ServerStatsDto> Handle(GetServerStatsQuery query, CancellationToken cancellationToken) =>
        queries.StatsAsync(clock.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
}
