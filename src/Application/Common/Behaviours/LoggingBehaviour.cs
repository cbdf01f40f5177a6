using System.Diagnostics;
using Conclave.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Conclave.Application.Common.Behaviours;

// Logs the use case, its outcome and duration; never the request itself (passwords, tokens, blobs). Every request
// passes here: with Debug off (the default) it costs a level check, not a state machine, a boxed duration and an
// argument array.
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        logger.IsEnabled(LogLevel.Debug) ? LoggedAsync(next) : next();

    private async Task<TResponse> LoggedAsync(RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogDebug("{UseCase} succeeded in {Elapsed} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (DomainException exception)
        {
            logger.LogDebug("{UseCase} refused ({Error}) in {Elapsed} ms", typeof(TRequest).Name, exception.Error, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
