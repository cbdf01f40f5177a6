using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using MediatR;

namespace Conclave.Application.Common.Behaviours;

// A command is one transaction; its events are published after the commit and before the response (spec
// architecture/sse.md), in commit order (PublicationOrder). A query runs without one; the storage engine makes it
// answer only once what it read is durable.
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork, DomainEventPublisher publisher)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IQuery<TResponse>) return await next();
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
        using (committed.Turn)
        {
            if (committed.Events.Count == 0) return response;
            await committed.Turn.WaitAsync();
            // Not the request's token: once committed, the events must go out even if the client has gone.
            await publisher.PublishAsync(committed.Events, CancellationToken.None);
        }
        return response;
    }
}
