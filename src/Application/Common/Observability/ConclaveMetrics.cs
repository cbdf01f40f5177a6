using System.Diagnostics;
using System.Diagnostics.Metrics;
using Conclave.Application.Retention;

namespace Conclave.Application.Common.Observability;

/// <summary>
/// Every instrument the server defines, on the "Conclave" meter (System.Diagnostics.Metrics only; the Api exports
/// them when metrics_enabled is on). One instance per server: it owns its meter and disposes it with the container.
/// </summary>
public sealed class ConclaveMetrics : IDisposable
{
    public const string MeterName = "Conclave";

    // Seconds, from 5 ms to 10 s: a request is a few database statements, or an Argon2id hash.
    private static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _messagesStored;
    private readonly UpDownCounter<long> _openEventStreams;
    private readonly Counter<long> _cleanupRuns;
    private readonly Counter<long> _cleanupDeletions;
    private readonly Counter<long> _rateLimitRejections;
    private readonly Counter<long> _pluginDeliveries;

    public ConclaveMetrics()
    {
        Meter = new Meter(MeterName);
        _requests = Meter.CreateCounter<long>("conclave.http.requests", "{request}", "Requests answered, by route template and status");
        _requestDuration = Meter.CreateHistogram("conclave.http.request.duration", "s", "Time from a request's arrival to its answer",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _messagesStored = Meter.CreateCounter<long>("conclave.messages.stored", "{message}", "Group messages (application messages and commits) committed to the database");
        _openEventStreams = Meter.CreateUpDownCounter<long>("conclave.event_streams.open", "{stream}", "Event streams (SSE and gRPC) open now");
        _cleanupRuns = Meter.CreateCounter<long>("conclave.cleanup.runs", "{run}", "Retention cleanup runs completed");
        _cleanupDeletions = Meter.CreateCounter<long>("conclave.cleanup.deleted", "{row}", "Rows the retention cleanup deleted, by kind");
        _rateLimitRejections = Meter.CreateCounter<long>("conclave.rate_limit.rejections", "{request}", "Requests refused by a rate limit, by limit");
        _pluginDeliveries = Meter.CreateCounter<long>("conclave.plugin.deliveries", "{delivery}", "Events offered to plugin handlers, by outcome");
    }

    public Meter Meter { get; }

    /// <summary>One answered request; <paramref name="route"/> is a template, never a path (paths hold usernames).</summary>
    public void RequestCompleted(string method, string route, int status, string? grpcStatus, TimeSpan duration)
    {
        if (!_requests.Enabled && !_requestDuration.Enabled) return; // nothing listens: no tags to box
        var tags = new TagList { { "method", method }, { "route", route }, { "status", status } };
        if (grpcStatus is not null) tags.Add("grpc_status", grpcStatus);
        _requests.Add(1, tags);
        _requestDuration.Record(duration.TotalSeconds, tags);
    }

    public void MessagesStored(int count)
    {
        if (count > 0) _messagesStored.Add(count);
    }

    public void EventStreamOpened() => _openEventStreams.Add(1);

    public void EventStreamClosed() => _openEventStreams.Add(-1);

    public void CleanupCompleted(CleanupReport report)
    {
        _cleanupRuns.Add(1);
        _cleanupDeletions.Add(report.Sessions, new KeyValuePair<string, object?>("kind", "sessions"));
        _cleanupDeletions.Add(report.Invites, new KeyValuePair<string, object?>("kind", "invites"));
        _cleanupDeletions.Add(report.AgedMessages, new KeyValuePair<string, object?>("kind", "aged_messages"));
        _cleanupDeletions.Add(report.FetchedMessages, new KeyValuePair<string, object?>("kind", "fetched_messages"));
    }

    /// <summary>A request refused by <paramref name="limit"/> (e.g. "key_packages", decision 4).</summary>
    public void RateLimitRejected(string limit) =>
        _rateLimitRejections.Add(1, new KeyValuePair<string, object?>("limit", limit));

    /// <summary>One event for one plugin handler: delivered, failed, timed_out or dropped (its queue was full).</summary>
    public void PluginDelivery(string outcome) =>
        _pluginDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => Meter.Dispose();
}
