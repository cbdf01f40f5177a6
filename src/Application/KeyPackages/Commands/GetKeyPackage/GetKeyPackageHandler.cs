using Conclave.Domain.KeyPackages;
using MediatR;

namespace Conclave.Application.KeyPackages.Commands.GetKeyPackage;

// R12 with decision 4: the rate limit (429) before consuming; an unknown user is a 404 like one without packages (C26).
public sealed class GetKeyPackageHandler(IKeyPackageRepository packages, KeyPackageRateLimiter limiter)
    : IRequestHandler<GetKeyPackageCommand, byte[]>
{
    public async Task<byte[]> Handle(GetKeyPackageCommand command, CancellationToken cancellationToken)
    {
        using var consumption = new KeyPackageConsumption(packages, limiter);
        var package = await consumption.TakeAsync(command.Target, cancellationToken);
        consumption.Complete();
        return package;
    }
}
