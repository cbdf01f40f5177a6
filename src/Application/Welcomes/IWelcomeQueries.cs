using Conclave.Domain.Common;

namespace Conclave.Application.Welcomes;

public interface IWelcomeQueries
{
    /// <summary>The user's pending Welcomes, oldest first.</summary>
    Task<IReadOnlyList<PendingWelcomeDto>> ForUserAsync(UserId userId, CancellationToken cancellationToken);
}
