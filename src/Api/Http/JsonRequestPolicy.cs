using Conclave.Api.Sse;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Routing.Matching;

namespace Conclave.Api.Http;

// The spec path of an RPC has two endpoints: ours (raw protobuf) and JSON transcoding's. A request that asks for
// JSON (Content-Type or Accept application/json) goes to transcoding; everything else stays with the spec surface,
// whatever its Content-Type, as the reference ignores it (CLARIFICATIONS decision 8). The event stream's spec
// endpoint is the SSE one.
internal sealed class JsonRequestPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var wantsJson = AsksForJson(httpContext.Request);
        for (var i = 0; i < candidates.Count; i++)
        {
            var metadata = candidates[i].Endpoint.Metadata;
            var isJson = metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null;
            var isSpec = metadata.GetMetadata<ProtobufRouteMetadata>() is not null || metadata.GetMetadata<EventStreamMetadata>() is not null;
            if ((isJson && !wantsJson) || (isSpec && wantsJson)) candidates.SetValidity(i, false);
        }
        return Task.CompletedTask;
    }

    private static bool AsksForJson(HttpRequest request) =>
        IsJson(request.ContentType) || request.Headers.Accept.Any(IsJson);

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && mediaType.Contains("application/json", StringComparison.OrdinalIgnoreCase);
}
