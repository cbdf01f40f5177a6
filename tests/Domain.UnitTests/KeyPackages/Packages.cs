using Conclave.Domain.KeyPackages;

namespace Conclave.Domain.UnitTests.KeyPackages;

/// <summary>Well-formed package bytes (MLS 1.0, mls_key_package) whose fifth byte tells them apart.</summary>
internal static class Packages
{
    public static byte[] Valid(byte marker = 0, int length = 8)
    {
        var data = new byte[length];
        data[1] = 1;
        data[3] = 5;
        if (length > 4) data[4] = marker;
        return data;
    }

    public static KeyPackageEntry Regular(byte marker) => new(Valid(marker), IsLastResort: false);

    public static KeyPackageEntry LastResort(byte marker) => new(Valid(marker), IsLastResort: true);

    public static KeyPackageUpload Upload(params KeyPackageEntry[] entries) => KeyPackageUpload.From(entries, []);

    public static byte MarkerOf(KeyPackage package) => package.Data[4];
}
