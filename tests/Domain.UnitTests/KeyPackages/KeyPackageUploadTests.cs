using Conclave.Domain.Common;
using Conclave.Domain.KeyPackages;
using static Conclave.Domain.UnitTests.KeyPackages.Packages;
using static Conclave.TestSupport.KeyPackageData;

namespace Conclave.Domain.UnitTests.KeyPackages;

// CLARIFICATIONS R11 / §5.1, checklist items 64-70, and decision 12 for batches.
public sealed class KeyPackageUploadTests
{
    [Fact]
    public void Batch_mode_wins_when_entries_are_present_and_ignores_the_legacy_field()
    {
        var upload = KeyPackageUpload.From([Regular(1), LastResort(2)], legacyData: [0xFF]);

        Assert.Equal([1, 2], upload.Entries.Select(e => e.Data[4]));
        Assert.Equal([false, true], upload.Entries.Select(e => e.IsLastResort));
    }

    [Fact]
    public void Legacy_data_is_one_regular_package_when_there_are_no_entries()
    {
        var upload = KeyPackageUpload.From([], Valid(7));

        var entry = Assert.Single(upload.Entries);
        Assert.False(entry.IsLastResort);
        Assert.Equal(7, entry.Data[4]);
    }

    [Fact]
    public void Neither_entries_nor_legacy_data_is_refused() =>
        AssertRefused(() => KeyPackageUpload.From([], []), "key_package_data is required");

    [Fact]
    public void An_empty_batch_entry_is_refused() =>
        AssertRefused(() => KeyPackageUpload.From([Regular(1), new KeyPackageEntry([], false)], []), "key package data is required");

    [Fact]
    public void Exactly_16_KiB_passes_and_one_byte_more_is_refused()
    {
        Assert.Single(KeyPackageUpload.From([], Valid(length: 16_384)).Entries);
        AssertRefused(() => KeyPackageUpload.From([], Valid(length: 16_385)), "key_package_data must be 16 KiB or smaller");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Fewer_than_four_bytes_are_refused(int length) =>
        AssertRefused(() => KeyPackageUpload.From([], new byte[length]), "key package too short to be a valid MLS message");

    [Fact]
    public void Size_is_checked_before_the_header()
    {
        var oversized = new byte[16_385]; // version 0, wire format 0: the size message still wins
        AssertRefused(() => KeyPackageUpload.From([], oversized), "key_package_data must be 16 KiB or smaller");
    }

    [Theory]
    [InlineData(0x00, 0x02, "unsupported MLS version 2, expected 1")]
    [InlineData(0x01, 0x00, "unsupported MLS version 256, expected 1")]
    [InlineData(0x00, 0x00, "unsupported MLS version 0, expected 1")]
    public void The_version_must_be_MLS_1_0_big_endian(byte high, byte low, string message) =>
        AssertRefused(() => KeyPackageUpload.From([], [high, low, 0x00, 0x05]), message);

    [Theory]
    [InlineData(0x00, 0x01, "expected MLS wire format mls_key_package (5), got 1")]
    [InlineData(0x01, 0x05, "expected MLS wire format mls_key_package (5), got 261")]
    public void The_wire_format_must_be_mls_key_package(byte high, byte low, string message) =>
        AssertRefused(() => KeyPackageUpload.From([], [0x00, 0x01, high, low]), message);

    [Fact]
    public void The_version_is_checked_before_the_wire_format() =>
        AssertRefused(() => KeyPackageUpload.From([], [0x00, 0x09, 0x00, 0x09]), "unsupported MLS version 9, expected 1");

    [Fact]
    public void The_first_bad_entry_in_request_order_names_the_failure()
    {
        KeyPackageEntry[] entries = [Regular(1), new([0x00, 0x01, 0x00, 0x03], false), new([0x00, 0x02, 0x00, 0x05], true)];
        AssertRefused(() => KeyPackageUpload.From(entries, []), "expected MLS wire format mls_key_package (5), got 3");
    }

    private static void AssertRefused(Func<KeyPackageUpload> upload, string message)
    {
        var refusal = Assert.Throws<DomainException>(() => upload());
        Assert.Equal(DomainError.BadRequest, refusal.Error);
        Assert.Equal(message, refusal.Message);
    }
}
