using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.Errors;

/// <summary>Writes an ErrorResponse as application/x-protobuf; logs what was unexpected, never what was sent.</summary>
internal static class ProtobufErrorWriter
{
    public const string ProtobufContentType = "application/x-protobuf";

    public static Task WriteAsync(HttpContext context, Exception exception, ILogger logger)
    {
        if (context.RequestAborted.IsCancellationRequested) return Task.CompletedTask; // the client is gone: nobody to answer, nothing failed here
        var outcome = ErrorMap.Describe(exception);
        if (outcome.IsInternal) logger.LogError(exception, "Unhandled failure on {Method} {Route}", context.Request.Method, RouteOf(context));
        return WriteAsync(context, outcome.HttpStatus, outcome.Body);
    }

    public static Task WriteAsync(HttpContext context, int status, ErrorResponse body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ProtobufContentType;
        return context.Response.Body.WriteAsync(body.ToByteArray()).AsTask();
    }

    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unrouted)";
}
