using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Conclave.Api.Http;

// Google.Protobuf decodes invalid UTF-8 into U+FFFD and treats a known field with the wrong wire type as unknown;
// the reference answers both with 400 "invalid request body" (CLARIFICATIONS §2.5). This pass makes us strict too.
internal static class WireFormatCheck
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const int MaxDepth = 32;

    public static bool IsValid(MessageDescriptor descriptor, byte[] buffer, int length)
    {
        try
        {
            var input = new CodedInputStream(buffer, 0, length);
            return Check(descriptor, input, 0);
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool Check(MessageDescriptor descriptor, CodedInputStream input, int depth)
    {
        if (depth > MaxDepth) return false;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = descriptor.FindFieldByNumber(WireFormat.GetTagFieldNumber(tag));
            var wireType = WireFormat.GetTagWireType(tag);
            if (field is null)
            {
                input.SkipLastField();
                continue;
            }
            if (!Accepts(field, wireType)) return false;
            switch (field.FieldType)
            {
                case FieldType.String:
                    StrictUtf8.GetString(input.ReadBytes().Span);
                    break;
                case FieldType.Message:
                    if (!Check(field.MessageType, new CodedInputStream(input.ReadBytes().ToByteArray()), depth + 1)) return false;
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return true;
    }

    private static bool Accepts(FieldDescriptor field, WireFormat.WireType wireType)
    {
        var natural = field.FieldType switch
        {
            FieldType.String or FieldType.Bytes or FieldType.Message => WireFormat.WireType.LengthDelimited,
            FieldType.Fixed64 or FieldType.SFixed64 or FieldType.Double => WireFormat.WireType.Fixed64,
            FieldType.Fixed32 or FieldType.SFixed32 or FieldType.Float => WireFormat.WireType.Fixed32,
            _ => WireFormat.WireType.Varint,
        };
        // Repeated scalars may also arrive packed.
        return wireType == natural || (field.IsRepeated && natural != WireFormat.WireType.LengthDelimited && wireType == WireFormat.WireType.LengthDelimited);
    }
}
