using Conclave.Api.Http;
using Conclave.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Conclave.Api.UnitTests.Http;

// CLARIFICATIONS §2.5: what prost refuses and Google.Protobuf would let through must be refused too.
public sealed class WireFormatCheckTests
{
    [Fact]
    public void A_well_formed_message_is_valid() =>
        Assert.True(Check(RegisterRequest.Descriptor, new RegisterRequest { Username = "ålice", Password = "pw", Alias = "😀" }.ToByteArray()));

    [Fact]
    public void An_empty_body_is_valid() => Assert.True(Check(RegisterRequest.Descriptor, []));

    [Fact]
    public void Invalid_utf8_in_a_string_field_is_invalid() =>
        Assert.False(Check(LoginRequest.Descriptor, Bytes(w => { w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(0x61, 0xFF, 0x62)); })));

    [Fact]
    public void An_unpaired_surrogate_encoding_is_invalid_utf8() =>
        Assert.False(Check(LoginRequest.Descriptor, Bytes(w => { w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(0xED, 0xA0, 0x80)); })));

    [Fact]
    public void Arbitrary_bytes_in_a_bytes_field_are_valid() =>
        Assert.True(Check(SendMessageRequest.Descriptor, Bytes(w => { w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(0xFF, 0xFE, 0x00)); })));

    [Fact]
    public void A_known_string_field_sent_as_a_varint_is_invalid() =>
        Assert.False(Check(LoginRequest.Descriptor, Bytes(w => { w.WriteTag(1, WireFormat.WireType.Varint); w.WriteInt32(5); })));

    [Fact]
    public void A_known_varint_field_sent_length_delimited_is_invalid() =>
        Assert.False(Check(UpdateGroupRequest.Descriptor, Bytes(w => { w.WriteTag(4, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(1)); })));

    [Fact]
    public void A_known_field_sent_as_fixed32_is_invalid() =>
        Assert.False(Check(UpdateGroupRequest.Descriptor, Bytes(w => { w.WriteTag(3, WireFormat.WireType.Fixed32); w.WriteFixed32(1); })));

    [Fact]
    public void Unknown_fields_of_every_wire_type_are_skipped()
    {
        var bytes = Bytes(w =>
        {
            w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteString("alice");
            w.WriteTag(99, WireFormat.WireType.Varint); w.WriteInt64(-1);
            w.WriteTag(100, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(0xFF, 0xFF)); // not UTF-8: unknown, so fine
            w.WriteTag(101, WireFormat.WireType.Fixed32); w.WriteFixed32(7);
            w.WriteTag(102, WireFormat.WireType.Fixed64); w.WriteFixed64(7);
        });

        Assert.True(Check(LoginRequest.Descriptor, bytes));
    }

    [Fact]
    public void A_field_number_of_zero_is_invalid() =>
        Assert.False(Check(LoginRequest.Descriptor, [0x02, 0x00]));

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x05, 0x61 })]        // length beyond the end
    [InlineData(new byte[] { 0x0A })]                    // a tag without its length
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })] // overlong varint
    public void Truncated_or_malformed_bytes_are_invalid(byte[] bytes) => Assert.False(Check(LoginRequest.Descriptor, bytes));

    [Fact]
    public void Nested_messages_are_checked_too()
    {
        var badEntry = Bytes(w => { w.WriteTag(1, WireFormat.WireType.Varint); w.WriteInt32(3); }); // KeyPackageEntry.data as varint
        var body = Bytes(w => { w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(badEntry)); });

        Assert.False(Check(UploadKeyPackageRequest.Descriptor, body));
    }

    [Fact]
    public void Valid_nested_messages_are_valid()
    {
        var request = new UploadKeyPackageRequest { SigningKeyFingerprint = "ab", Entries = { new KeyPackageEntry { Data = ByteString.CopyFrom(0, 1, 0, 5), IsLastResort = true } } };

        Assert.True(Check(UploadKeyPackageRequest.Descriptor, request.ToByteArray()));
    }

    [Fact]
    public void Invalid_utf8_inside_a_nested_message_is_invalid()
    {
        var badInfo = Bytes(w => { w.WriteTag(2, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(0xC0, 0x80)); }); // overlong NUL
        var body = Bytes(w => { w.WriteTag(1, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(badInfo)); });

        Assert.False(Check(ListGroupsResponse.Descriptor, body));
    }

    [Fact]
    public void Packed_and_unpacked_repeated_scalars_are_both_valid()
    {
        // FileDescriptorProto.public_dependency (10) is a repeated int32; none of the spec's messages has one.
        var unpacked = Bytes(w => { w.WriteTag(10, WireFormat.WireType.Varint); w.WriteInt32(1); w.WriteTag(10, WireFormat.WireType.Varint); w.WriteInt32(2); });
        var packed = Bytes(w => { w.WriteTag(10, WireFormat.WireType.LengthDelimited); w.WriteBytes(ByteString.CopyFrom(1, 2)); });

        Assert.True(Check(FileDescriptorProto.Descriptor, unpacked));
        Assert.True(Check(FileDescriptorProto.Descriptor, packed));
    }

    private static bool Check(MessageDescriptor descriptor, byte[] bytes) => WireFormatCheck.IsValid(descriptor, bytes, bytes.Length);

    private static byte[] Bytes(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return stream.ToArray();
    }
}
