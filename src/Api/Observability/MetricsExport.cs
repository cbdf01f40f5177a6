using Conclave.Api.Configuration;
using Conclave.Application.Common.Observability;
using OpenTelemetry.Metrics;

namespace Conclave.Api.Observability;

/// <summary>With metrics_enabled, GET /metrics serves the server's instruments in the Prometheus text format.</summary>
internal static class MetricsExport
{
    public const string Path = "/metrics";

    public static void AddMetricsExport(this IServiceCollection services, ServerConfig config)
    {
        if (!config.MetricsEnabled) return;
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            // Ours, then Kestrel's connections and TLS handshakes and the runtime's memory, GC and thread pool.
            .AddMeter(ConclaveMetrics.MeterName, "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            // Every scrape sees the current values (the exporter would otherwise answer from a 300 ms cache).
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    public static void MapMetrics(this IEndpointRouteBuilder endpoints, ServerConfig config)
    {
        if (config.MetricsEnabled) endpoints.MapPrometheusScrapingEndpoint(Path);
    }
}
