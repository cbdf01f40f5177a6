using Conclave.V1;
using Google.Protobuf;

namespace Conclave.Api.IntegrationTests.KeyPackages;

/// <summary>Key-package bodies as clients build them: MLS 1.0 mls_key_package headers told apart by their fifth byte.</summary>
internal static class KeyPackageBytes
{
    public static ByteString Valid(byte marker = 0, int length = 8) => ByteString.CopyFrom(KeyPackageData.Valid(marker, length));

    public static KeyPackageEntry Regular(byte marker) => new() { Data = Valid(marker) };

    public static KeyPackageEntry LastResort(byte marker) => new() { Data = Valid(marker), IsLastResort = true };

    public static UploadKeyPackageRequest Batch(params KeyPackageEntry[] entries) => new() { Entries = { entries } };
}
