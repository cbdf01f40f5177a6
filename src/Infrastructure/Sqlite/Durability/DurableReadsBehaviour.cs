using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Infrastructure.Sqlite.Durability;

/// <summary>
/// A query answers only with what will survive a power loss. A commit is visible to readers before its shared fsync
/// (<see cref="WalFlush"/>), so a query's answer waits until every write it may have read is durable.
/// </summary>
internal sealed class DurableReadsBehaviour<TRequest, TResponse>(WriteGate gate) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var answer = await next();
        if (request is IQuery<TResponse>) await gate.VisibleWritesDurableAsync();
        return answer;
    }
}
