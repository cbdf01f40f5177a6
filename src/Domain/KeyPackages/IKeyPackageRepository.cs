using Conclave.Domain.Common;

namespace Conclave.Domain.KeyPackages;

public interface IKeyPackageRepository
{
    /// <summary>The user's store, empty for a user without packages or an unknown user.</summary>
    Task<KeyPackageStore> GetAsync(UserId userId, CancellationToken cancellationToken);

    /// <summary>Stages the store's additions and removals; the unit of work commits them.</summary>
    void Update(KeyPackageStore store);

    Task RemoveAllAsync(UserId userId, CancellationToken cancellationToken);
}
