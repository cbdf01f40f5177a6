using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;

namespace Conclave.Application.UnitTests.KeyPackages;

/// <summary>Stored packages for handler tests, of well-formed bytes (<see cref="KeyPackageData"/>) with a distinguishing fifth byte.</summary>
internal static class TestPackages
{
    public static KeyPackage Regular(UserId owner, byte marker, long createdAt = 100) => new(owner, KeyPackageData.Valid(marker), false, createdAt);

    public static KeyPackage LastResort(UserId owner, byte marker) => new(owner, KeyPackageData.Valid(marker), true, 100);

    public static KeyPackageStore Store(UserId owner, params KeyPackage[] stored) => KeyPackageStore.Load(owner, stored);
}
