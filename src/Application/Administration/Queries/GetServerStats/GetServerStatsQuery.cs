using Conclave.Application.Common.Persistence;

namespace Conclave.Application.Administration.Queries.GetServerStats;

public sealed record GetServerStatsQuery : IQuery<ServerStatsDto>;
