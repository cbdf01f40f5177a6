using Conclave.Application.Common.Persistence;
using Conclave.Domain.Common;

namespace Conclave.Application.Welcomes.Queries.ListPendingWelcomes;

public sealed record ListPendingWelcomesQuery(UserId Actor) : IQuery<IReadOnlyList<PendingWelcomeDto>>;
