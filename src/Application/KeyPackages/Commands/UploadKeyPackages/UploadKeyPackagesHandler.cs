using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using Conclave.Domain.Users;
using MediatR;

namespace Conclave.Application.KeyPackages.Commands.UploadKeyPackages;

// Every package is checked before anything is stored (decision 12); the fingerprint only after all of them (§5.4).
public sealed class UploadKeyPackagesHandler(IKeyPackageRepository packages, IUserRepository users, TimeProvider clock)
    : IRequestHandler<UploadKeyPackagesCommand, Unit>
{
    public async Task<Unit> Handle(UploadKeyPackagesCommand command, CancellationToken cancellationToken)
    {
        var upload = KeyPackageUpload.From(command.Entries, command.LegacyData);
        var store = await packages.GetAsync(command.Actor, cancellationToken);
        store.Add(upload, clock.GetUtcNow().ToUnixTimeSeconds());
        packages.Update(store);
        var user = await users.GetAsync(command.Actor, cancellationToken) ?? throw DomainException.UserNotFound();
        user.ReplaceFingerprint(command.Fingerprint);
        return Unit.Value;
    }
}
