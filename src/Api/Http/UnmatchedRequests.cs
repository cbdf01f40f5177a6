using Conclave.Api.Errors;
using Conclave.V1;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Conclave.Api.Http;

// Unknown routes answer 404 RESOURCE_NOT_FOUND and wrong methods 405 INPUT_BAD_REQUEST, as ErrorResponses
// (CLARIFICATIONS §2.1); a trailing slash or another letter case is an unknown route, though endpoint routing
// would ignore either, and so is anything but a gRPC method on grpc_port.
internal static class UnmatchedRequests
{
    private const string MethodNotAllowedEndpoint = "405 HTTP Method Not Supported";

    // Both pass a matched request on without awaiting it (no state machine of their own on every request).
    public static IApplicationBuilder UseTrailingSlashRejection(this IApplicationBuilder app) => app.Use((context, next) =>
        context.Request.Path.Value is { Length: > 1 } path && path.EndsWith('/') ? NotFoundAsync(context) : next(context));

    public static IApplicationBuilder UseUnmatchedRequestErrors(this IApplicationBuilder app)
    {
        var listeners = app.ApplicationServices.GetRequiredService<Listeners>();
        return app.Use((context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null || (endpoint is RouteEndpoint route && !LiteralsMatchExactly(route.RoutePattern, context.Request.Path))
                || (OnGrpcPort(context, listeners) && !IsGrpcMethod(endpoint)))
                return NotFoundAsync(context);
            return endpoint.DisplayName == MethodNotAllowedEndpoint ? MethodNotAllowedAsync(context, endpoint) : next(context);
        });
    }

    // grpc_port (plain mode) serves gRPC and its reflection only: the spec and JSON routes, the event stream, the
    // health probes and /metrics are unknown there, so that restricting listen_port restricts them (docs/security.md).
    // With TLS there is no such port: gRPC shares listen_port with everything else.
    private static bool OnGrpcPort(HttpContext context, Listeners listeners) =>
        listeners.Grpc?.IPEndPoint is { } grpc && context.Connection.LocalPort == grpc.Port;

    private static bool IsGrpcMethod(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null && endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is null;

    private static async Task MethodNotAllowedAsync(HttpContext context, Endpoint endpoint)
    {
        await endpoint.RequestDelegate!(context); // sets 405 and the Allow header
        await ProtobufErrorWriter.WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
            new ErrorResponse { Message = "method not allowed", ErrorCode = ErrorCode.InputBadRequest });
    }

    // Endpoint routing compares literal segments ignoring case; the reference's router does not (/API/v1/me is unknown).
    // Walks the path in place: every matched request passes here.
    private static bool LiteralsMatchExactly(RoutePattern pattern, PathString path)
    {
        var rest = (path.Value ?? "").AsSpan().TrimStart('/');
        foreach (var patternSegment in pattern.PathSegments)
        {
            var end = rest.IndexOf('/');
            var segment = end < 0 ? rest : rest[..end];
            if (patternSegment.Parts is [RoutePatternLiteralPart literal] && !segment.SequenceEqual(literal.Content)) return false;
            if (end < 0) break;
            rest = rest[(end + 1)..];
        }
        return true;
    }

    private static Task NotFoundAsync(HttpContext context) =>
        ProtobufErrorWriter.WriteAsync(context, StatusCodes.Status404NotFound,
            new ErrorResponse { Message = "not found", ErrorCode = ErrorCode.ResourceNotFound });
}
