using MediatR;
using Microsoft.Extensions.Logging;

namespace Conclave.Application.Common.Events;

// MediatR 5 stops at the first throwing notification handler and fails the request with it. After a commit that
// must not happen: every handler runs, a failure is logged and the request still succeeds.
public sealed class IsolatingMediator(ServiceFactory serviceFactory, ILogger<IsolatingMediator> logger) : Mediator(serviceFactory)
{
    protected override async Task PublishCore(IEnumerable<Task> allHandlers)
    {
        using var handlers = allHandlers.GetEnumerator();
        while (true)
        {
            Task handler;
            try
            {
                if (!handlers.MoveNext()) return;
                handler = handlers.Current;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "A notification handler could not be started");
                continue;
            }
            try
            {
                await handler;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "A notification handler failed");
            }
        }
    }
}
