using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.KeyPackages;

/// <summary>Key-package bodies as clients build them: MLS 1.0 mls_key_package headers told apart by their fifth byte.</summary>
internal static class KeyPackageBytes
{
    public static ByteString Valid(byte marker = 0, int length = 8)
    {
        var data = new byte[length];
        data[1] = 1;
        data[3] = 5;
        data[4] = marker;
        return ByteString.CopyFrom(data);
    }

    public static KeyPackageEntry Regular(byte marker) => new() { Data = Valid(marker) };

    public static KeyPackageEntry LastResort(byte marker) => new() { Data = Valid(marker), IsLastResort = true };

    public static UploadKeyPackageRequest Batch(params KeyPackageEntry[] entries) => new() { Entries = { entries } };
}
