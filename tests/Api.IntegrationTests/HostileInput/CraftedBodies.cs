using System.Net;
using Conclave.Api.IntegrationTests.Authorization;
using Conclave.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>A hand-made hostile body and, where the spec fixes it, the exact answer.</summary>
public sealed record CraftedBody(string Label, byte[] Bytes, Outcome? Exactly = null);

/// <summary>
/// The named attacks, derived from a body's descriptor: invalid UTF-8 in every string field, ids of wrong lengths,
/// huge repeated fields, deep nesting, and bodies at and over the 1 MiB limit.
/// </summary>
public static class CraftedBodies
{
    public const int MaxBody = 1_048_576;
    private static readonly Outcome InvalidBody = new(HttpStatusCode.BadRequest, ErrorCode.InputBadRequest, "invalid request body");
    private static readonly Outcome TooLarge = new(HttpStatusCode.RequestEntityTooLarge, ErrorCode.InputBadRequest, "request body exceeds the limit of 1048576 bytes");
    private static readonly byte[][] InvalidUtf8 = [[0xC3, 0x28], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x61, 0xF0, 0x9F, 0x98]];

    public static IEnumerable<CraftedBody> For(MessageDescriptor descriptor, ByteString ownId)
    {
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType == FieldType.String)
                foreach (var bad in InvalidUtf8) yield return new($"invalid UTF-8 in {field.Name}", Field(field.FieldNumber, bad), InvalidBody);
            if (field.FieldType == FieldType.Bytes && field.Name.EndsWith("_id", StringComparison.Ordinal))
                foreach (var length in new[] { 0, 1, 15, 17, 64, 4096 }) yield return new($"{length}-byte {field.Name}", Field(field.FieldNumber, new byte[length]));
            if (field.IsRepeated && field.FieldType == FieldType.Bytes)
            {
                yield return new($"{field.Name} x 50,000 (own id)", Repeat(Field(field.FieldNumber, ownId.ToByteArray()), 50_000));
                yield return new($"{field.Name} over 1 MiB", Repeat(Field(field.FieldNumber, new byte[16]), MaxBody / 18 + 1), TooLarge);
            }
            if (field.IsRepeated && field.FieldType == FieldType.Message)
            {
                yield return new($"{field.Name} x 200,000 empty", Repeat(Field(field.FieldNumber, []), 200_000));
                yield return new($"{field.Name} x 80,000 small", Repeat(Field(field.FieldNumber, Field(1, [0, 1, 0, 5, 9, 9, 9, 9])), 80_000));
            }
            if (field.FieldType == FieldType.Message)
                yield return new($"deep groups inside {field.Name}", Field(field.FieldNumber, DeepGroups(50_000)));
        }
        yield return new("100,000 nested groups", DeepGroups(100_000));
        yield return new("unterminated group", [0xA3, 0x06]);
        yield return new("exactly 1 MiB", Filled(MaxBody));
        yield return new("1 MiB + 1", Filled(MaxBody + 1), TooLarge);
    }

    /// <summary>Routes that never read their body ignore it, whatever its size (C14).</summary>
    public static IEnumerable<CraftedBody> Ignored() =>
        [new("2 MiB ignored", Filled(2 * MaxBody)), new("100,000 nested groups ignored", DeepGroups(100_000))];

    private static byte[] Field(int number, byte[] value)
    {
        var output = new MemoryStream();
        var coded = new CodedOutputStream(output);
        coded.WriteTag(number, WireFormat.WireType.LengthDelimited);
        coded.WriteBytes(ByteString.CopyFrom(value));
        coded.Flush();
        return output.ToArray();
    }

    private static byte[] Repeat(byte[] item, int times)
    {
        var bytes = new byte[item.Length * times];
        for (var i = 0; i < times; i++) item.CopyTo(bytes, i * item.Length);
        return bytes;
    }

    // Start-group tags of unknown field 100 ((100 << 3) | 3), each closed by its end-group tag ((100 << 3) | 4).
    private static byte[] DeepGroups(int depth) => [.. Repeat([0xA3, 0x06], depth), .. Repeat([0xA4, 0x06], depth)];

    private static byte[] Filled(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
