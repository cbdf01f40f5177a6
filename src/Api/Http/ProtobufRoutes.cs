using System.Buffers;
using Conclave.Api.Auth;
using Conclave.Api.Errors;
using Google.Protobuf;
using Microsoft.AspNetCore.Http.Features;

namespace Conclave.Api.Http;

/// <summary>
/// The spec's HTTP/protobuf surface, mapped from the google.api.http annotations: each route binds its request,
/// calls the same service method gRPC calls, and answers raw protobuf with the status the proto declares.
/// </summary>
public static class ProtobufRoutes
{
    public static void MapProtobufRoutes(this IEndpointRouteBuilder endpoints, RpcCatalog catalog)
    {
        foreach (var route in catalog.Routes.Where(r => r.Invoke is not null))
        {
            RouteAnswer answer = StreamedMessages.Serves(route) ? StreamedMessages.AnswerAsync : InvokeAsync;
            endpoints.Map(RouteTemplates.For(route, catalog.Routes), context => HandleAsync(context, route, answer))
                .WithMetadata(new HttpMethodMetadata(MethodsOf(route)), new ProtobufRouteMetadata(route))
                .WithDisplayName($"{route.HttpMethod} {route.PathTemplate} (protobuf)");
        }
    }

    // HEAD on a GET route is answered like GET, body omitted, as in the reference.
    private static string[] MethodsOf(RpcRoute route) =>
        route.HttpMethod == HttpMethods.Get ? [HttpMethods.Get, HttpMethods.Head] : [route.HttpMethod];

    private delegate Task RouteAnswer(HttpContext http, RpcRoute route, IMessage request);

    private static async Task HandleAsync(HttpContext http, RpcRoute route, RouteAnswer answer)
    {
        // Kestrel's global cap is for JSON transcoding; here the body-reading routes stop at 1 MiB themselves and
        // the others never read (C14). Uncapped, Kestrel drains what is left instead of cutting the connection
        // while the client is still sending, so the client reads our answer.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        try
        {
            if (!route.Anonymous) await http.RequestServices.GetRequiredService<CallAuthenticator>().AuthenticateAsync(http);
            var request = route.Method.InputType.Parser.ParseFrom(ReadOnlySpan<byte>.Empty);
            RequestBinder.BindPath(route, http, request);
            RequestBinder.BindQuery(route, http, request);
            await RequestBinder.BindBodyAsync(route, http, request);
            await answer(http, route, request);
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProtobufRoutes));
            await ProtobufErrorWriter.WriteAsync(http, exception, logger);
        }
    }

    private static async Task InvokeAsync(HttpContext http, RpcRoute route, IMessage request)
    {
        var service = http.RequestServices.GetRequiredService(route.Implementation);
        var response = await route.Invoke!(service, request, new HttpServerCallContext(http, route.FullName));
        await WriteAsync(http, route.SuccessStatus, response);
    }

    // Encoded into a pooled buffer: as a new array, a large answer (100 messages of 1 KiB, a long group list) would
    // be a large-object-heap allocation per call.
    private static async Task WriteAsync(HttpContext http, int status, IMessage response)
    {
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status204NoContent) return;
        http.Response.ContentType = ProtobufErrorWriter.ProtobufContentType;
        var size = response.CalculateSize();
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            response.WriteTo(buffer.AsSpan(0, size));
            http.Response.ContentLength = size;
            await http.Response.Body.WriteAsync(buffer.AsMemory(0, size));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
