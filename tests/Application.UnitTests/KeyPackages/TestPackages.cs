using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;

namespace Conclave.Application.UnitTests.KeyPackages;

/// <summary>Stored packages for handler tests: well-formed MLS key-package headers with a distinguishing fifth byte.</summary>
internal static class TestPackages
{
    public static byte[] Data(byte marker) => [0x00, 0x01, 0x00, 0x05, marker];

    public static KeyPackage Regular(UserId owner, byte marker, long createdAt = 100) => new(owner, Data(marker), false, createdAt);

    public static KeyPackage LastResort(UserId owner, byte marker) => new(owner, Data(marker), true, 100);

    public static KeyPackageStore Store(UserId owner, params KeyPackage[] stored) => KeyPackageStore.Load(owner, stored);
}
