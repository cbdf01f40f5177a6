using Conclave.Domain.Common;

namespace Conclave.Domain.KeyPackages;

public interface IKeyPackageRepository
{
    Task RemoveAllAsync(UserId userId, CancellationToken cancellationToken);
}
