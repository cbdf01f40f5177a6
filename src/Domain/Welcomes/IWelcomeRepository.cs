using Conclave.Domain.Common;

namespace Conclave.Domain.Welcomes;

public interface IWelcomeRepository
{
    Task<Welcome?> GetAsync(WelcomeId id, CancellationToken cancellationToken);
    void Add(Welcome welcome);
    void Remove(Welcome welcome);
}
