using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using MediatR;

namespace Conclave.Application.KeyPackages.Commands.UploadKeyPackages;

/// <summary>
/// POST /key-packages (CLARIFICATIONS R11): <paramref name="Entries"/> (batch) or <paramref name="LegacyData"/>
/// (one regular package); an empty <paramref name="Fingerprint"/> keeps the stored one.
/// </summary>
public sealed record UploadKeyPackagesCommand(UserId Actor, IReadOnlyList<KeyPackageEntry> Entries, byte[] LegacyData, string Fingerprint)
    : IRequest<Unit>;
