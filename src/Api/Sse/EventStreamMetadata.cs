namespace Conclave.Api.Sse;

/// <summary>Marks the spec's SSE endpoint for endpoint selection (it shares its route with JSON transcoding).</summary>
public sealed record EventStreamMetadata;
