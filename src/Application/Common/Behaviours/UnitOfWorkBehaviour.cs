using Conclave.Application.Common.Events;
using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;
using MediatR;

namespace Conclave.Application.Common.Behaviours;

// A command is one transaction; its events are published after the commit and before the response (spec
// architecture/sse.md), in commit order (PublicationOrder). A query answers once what it read is durable.
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork, DomainEventPublisher publisher, PublicationOrder order)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IQuery<TResponse>)
        {
            var answer = await next();
            await unitOfWork.ReadsDurableAsync();
            return answer;
        }
        TResponse response;
        IReadOnlyList<IDomainEvent> events;
        PublicationTurn? turn = null;
        try
        {
            if (request is not ITransactionDeferred) await unitOfWork.BeginAsync(cancellationToken);
            response = await next();
            turn = order.Take(); // the write lock is held here, so turns follow commit order
            events = await unitOfWork.CommitAsync(cancellationToken);
        }
        catch
        {
            turn?.Dispose();
            await unitOfWork.RollbackAsync();
            throw;
        }
        using (turn)
        {
            if (events.Count == 0) return response;
            await turn.WaitAsync();
            // Not the request's token: once committed, the events must go out even if the client has gone.
            await publisher.PublishAsync(events, CancellationToken.None);
        }
        return response;
    }
}
