using Conclave.Api.Auth;
using Conclave.Api.Errors;
using Conclave.Api.Hosting;
using Conclave.Api.Http;
using Conclave.Application.Common.Events;
using Conclave.Application.Common.Security;
using Conclave.Server.V1;
using Microsoft.AspNetCore.Http.Features;

namespace Conclave.Api.Sse;

/// <summary>
/// GET /api/v1/events (the Events.Subscribe annotation) as Server-Sent Events: authenticated like any route, then
/// 200 text/event-stream with the headers flushed at once (CLARIFICATIONS R42, §8.1).
/// </summary>
internal static class EventStreamEndpoint
{
    public static void MapEventStream(this IEndpointRouteBuilder endpoints, RpcCatalog catalog)
    {
        var route = catalog.Routes.Single(r => r.Invoke is null && r.Method.Service == Events.Descriptor);
        var pump = endpoints.ServiceProvider.GetRequiredService<EventPump>();
        var options = endpoints.ServiceProvider.GetRequiredService<EventStreamOptions>();
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventStreamEndpoint));
        // HEAD on a GET route is answered like GET without a body, as in the reference.
        endpoints.MapMethods(route.PathTemplate, [HttpMethods.Get, HttpMethods.Head], http => StreamAsync(http, pump, options, logger))
            .WithMetadata(new EventStreamMetadata())
            .WithDisplayName($"{route.HttpMethod} {route.PathTemplate} (SSE)");
    }

    private static async Task StreamAsync(HttpContext http, EventPump pump, EventStreamOptions options, ILogger logger)
    {
        AuthenticatedSession session;
        IEventSubscription? subscription;
        try
        {
            session = await AuthenticateAsync(http);
            subscription = HttpMethods.IsHead(http.Request.Method) ? null : await pump.SubscribeAsync(session, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client left before its stream opened: nothing to answer, nothing to log
        }
        catch (Exception exception)
        {
            await ProtobufErrorWriter.WriteAsync(http, exception, logger);
            return;
        }
        using (subscription)
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
            await http.Response.StartAsync(http.RequestAborted);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
            if (subscription is null) return;
            // Counted while open, and finished cleanly when the server stops (SIGTERM) as when the client leaves.
            using var open = http.RequestServices.GetRequiredService<OpenEventStreams>().Open(http.RequestAborted);
            await pump.RunAsync(subscription, session, new SseEventWriter(http, options.KeepAliveInterval), open.Ended);
        }
    }

    // In the request's scope: authenticating leases no database context, so an open stream holds none.
    private static async Task<AuthenticatedSession> AuthenticateAsync(HttpContext http)
    {
        await http.RequestServices.GetRequiredService<CallAuthenticator>().AuthenticateAsync(http);
        return http.RequestServices.GetRequiredService<Caller>().Session;
    }
}
