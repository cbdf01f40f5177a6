using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Common.Behaviours;

// A command is one transaction; its events are published after the commit and before the response (spec
// architecture/sse.md), in commit order (PublicationOrder). A query runs without one; the storage engine makes it
// answer only once what it read is durable. A message send is committed by the message log, not here
// (ICommittedByMessageLog).
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork, DomainEventPublisher publisher)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IQuery<TResponse> or ICommittedByMessageLog) return await next();
        TResponse response;
        Committed committed;
        try
        {
            if (request is not ITransactionDeferred) await unitOfWork.BeginAsync(cancellationToken);
            response = await next();
            committed = await unitOfWork.CommitAsync(cancellationToken);
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }
        await publisher.PublishInTurnAsync(committed);
        return response;
    }
}
