using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Conclave.Api.Observability;

/// <summary>
/// Probes outside /api/v1: GET /healthz answers 200 while the process serves at all; GET /readyz answers 200 only
/// while the database answers with every migration applied, else 503. The bodies say Healthy or Unhealthy, no more.
/// </summary>
internal static class HealthEndpoints
{
    private const string Readiness = "ready";

    public static void AddHealthEndpoints(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [Readiness]);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Readiness) });
    }
}
