using MediatR;

namespace Conclave.Application.Welcomes.Queries.ListPendingWelcomes;

public sealed class ListPendingWelcomesHandler(IWelcomeQueries welcomes) : IRequestHandler<ListPendingWelcomesQuery, IReadOnlyList<PendingWelcomeDto>>
{
    public Task<IReadOnlyList<PendingWelcomeDto>> Handle(ListPendingWelcomesQuery query, CancellationToken cancellationToken) =>
        welcomes.ForUserAsync(query.Actor, cancellationToken);
}
