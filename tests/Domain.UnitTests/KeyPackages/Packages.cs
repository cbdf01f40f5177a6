using Conclave.Domain.KeyPackages;

namespace Conclave.Domain.UnitTests.KeyPackages;

/// <summary>Upload entries of well-formed package bytes (<see cref="KeyPackageData"/>) whose fifth byte tells them apart.</summary>
internal static class Packages
{
    public static KeyPackageEntry Regular(byte marker) => new(KeyPackageData.Valid(marker), IsLastResort: false);

    public static KeyPackageEntry LastResort(byte marker) => new(KeyPackageData.Valid(marker), IsLastResort: true);

    public static KeyPackageUpload Upload(params KeyPackageEntry[] entries) => KeyPackageUpload.From(entries, []);

    public static byte MarkerOf(KeyPackage package) => package.Data[4];
}
