using Conclave.Infrastructure.Persistence;
using Conclave.Infrastructure.Sqlite.Schema;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conclave.Api.Observability;

internal sealed class DatabaseHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await readiness.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
}
