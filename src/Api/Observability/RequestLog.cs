using System.Diagnostics;
using Conclave.Api.Auth;
using Conclave.Application.Common.Observability;
using Microsoft.AspNetCore.Http.Features;

namespace Conclave.Api.Observability;

/// <summary>
/// One structured line per request (at info) and the request instruments: method, route template, status, duration
/// and the user once known. Never the path (it holds usernames), the query, headers (tokens) or bodies.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ConclaveMetrics metrics, ILogger<RequestLog> logger)
{
    // Requests no endpoint took (unknown paths, trailing slashes, wrong methods) share one label, whatever their path.
    private const string Unmatched = "unmatched";
    private static readonly HashSet<string> KnownMethods = new(StringComparer.Ordinal) { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" };

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true; // Kestrel answers 500 once the exception leaves
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var method = KnownMethods.Contains(context.Request.Method) ? context.Request.Method : "OTHER";
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var grpcStatus = GrpcStatusOf(context);
            metrics.RequestCompleted(method, route, status, grpcStatus, elapsed);
            if (logger.IsEnabled(LogLevel.Information)) Log(context, method, route, status, grpcStatus, elapsed);
        }
    }

    // Only once the line is wanted: the user's id as text is an allocation on every request otherwise.
    private void Log(HttpContext context, string method, string route, int status, string? grpcStatus, TimeSpan elapsed)
    {
        var user = context.RequestServices?.GetService<Caller>()?.KnownUserId?.ToString() ?? "-";
        var milliseconds = Math.Round(elapsed.TotalMilliseconds, 1);
        if (grpcStatus is null) Answered(logger, method, route, status, milliseconds, user);
        else AnsweredGrpc(logger, method, route, status, grpcStatus, milliseconds, user);
    }

    // A failed call without a message is "trailers-only": its status travels in the headers.
    private static string? GrpcStatusOf(HttpContext context) =>
        context.Response.Headers.TryGetValue("grpc-status", out var header) ? header.ToString()
        : context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers && trailers.TryGetValue("grpc-status", out var trailer) ? trailer.ToString()
        : null;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} in {ElapsedMs} ms for user {UserId}")]
    private static partial void Answered(ILogger logger, string method, string route, int status, double elapsedMs, string userId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} with grpc-status {GrpcStatus} in {ElapsedMs} ms for user {UserId}")]
    private static partial void AnsweredGrpc(ILogger logger, string method, string route, int status, string grpcStatus, double elapsedMs, string userId);
}
