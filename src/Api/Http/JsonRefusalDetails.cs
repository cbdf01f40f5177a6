using System.Text;
using Conclave.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;

namespace Conclave.Api.Http;

// JSON transcoding turns the body and query into the request message itself, before any interceptor runs, and
// refuses what it cannot convert (not JSON, invalid UTF-8, too deep, a wrong type, too large) with a
// google.rpc.Status that has no details. Every other JSON refusal carries the ErrorResponse in its details; this
// gives these the same shape, with INPUT_BAD_REQUEST, so a JSON client has one error format to read. A body over
// the JSON limit, or whose decoded message is over the spec's (BodyLimit), is 413, as on the spec surface.
internal static class JsonRefusalDetails
{
    private const string TooLarge = "request body too large";
    private static readonly TypeRegistry Registry = TypeRegistry.FromMessages(ErrorResponse.Descriptor);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(Registry));
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Registry));

    // Every other request passes straight on, without a state machine of this middleware's own.
    public static IApplicationBuilder UseJsonRefusalDetails(this IApplicationBuilder app) => app.Use((context, next) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { MethodDescriptor.IsServerStreaming: false }
            ? TranscodedAsync(context, next)
            : next(context));

    private static async Task TranscodedAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > BodyLimit.MaxJsonBytes)
        {
            // Refused unread, and uncapped so Kestrel drains the body instead of cutting the connection while the
            // client is still sending (as ProtobufRoutes does): the client reads the answer.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
            await WriteAsync(context, context.Response.Body, StatusCodes.Status413PayloadTooLarge, Refusal(TooLarge));
            return;
        }
        var original = context.Response.Body;
        var requestBody = new OversizeWatch(context.Request.Body);
        using var buffer = new MemoryStream();
        context.Request.Body = requestBody;
        context.Features.Set(requestBody);
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest && DetailLess(buffer) is { } status)
        {
            if (requestBody.Exceeded) status.Message = TooLarge;
            status.Details.Add(Any.Pack(new ErrorResponse { Message = status.Message, ErrorCode = ErrorCode.InputBadRequest }));
            await WriteAsync(context, original, requestBody.Exceeded ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, status);
            return;
        }
        // The decoded message over the spec limit (JsonBodyLimitInterceptor): its refusal, already complete, with the
        // spec surface's status rather than the 400 transcoding derives from INVALID_ARGUMENT.
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest && requestBody.Exceeded)
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static Google.Rpc.Status Refusal(string message) => new()
    {
        Code = (int)global::Grpc.Core.StatusCode.InvalidArgument,
        Message = message,
        Details = { Any.Pack(new ErrorResponse { Message = message, ErrorCode = ErrorCode.InputBadRequest }) },
    };

    private static Google.Rpc.Status? DetailLess(MemoryStream body)
    {
        try
        {
            var status = Parser.Parse<Google.Rpc.Status>(Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
            return status.Details.Count == 0 ? status : null;
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidJsonException)
        {
            return null;
        }
    }

    private static Task WriteAsync(HttpContext context, Stream body, int httpStatus, Google.Rpc.Status status)
    {
        var bytes = Encoding.UTF8.GetBytes(Formatter.Format(status));
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        return body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
