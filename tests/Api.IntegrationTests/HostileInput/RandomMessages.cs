using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>
/// A well-formed message of any descriptor with random field values, so every route's body is covered without
/// knowing it: strings of every kind, ids of the right and wrong lengths (sometimes real ones), any enum number.
/// </summary>
public static class RandomMessages
{
    private static readonly string[] Strings =
    [
        "", "alice", "Alice_01", "_x", "a b", "名前", "😀😀😀", "\t\n\u0001\u007f", "' OR 1=1 --", "../../etc/passwd", "%_%",
        "\u0085\u200b\ufeff", new string('x', 65), new string('é', 40), "-1", "0", "1y", "password123",
    ];

    public static IMessage Create(MessageDescriptor descriptor, Random random, IReadOnlyList<ByteString> knownIds, int depth = 0)
    {
        var message = descriptor.Parser.ParseFrom(ReadOnlySpan<byte>.Empty);
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (random.Next(4) == 0) continue;
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = random.Next(6); i > 0; i--) list.Add(Value(field, random, knownIds, depth));
            }
            else
            {
                field.Accessor.SetValue(message, Value(field, random, knownIds, depth));
            }
        }
        return message;
    }

    private static object Value(FieldDescriptor field, Random random, IReadOnlyList<ByteString> knownIds, int depth) => field.FieldType switch
    {
        FieldType.String => random.Next(3) == 0 ? RandomText(random) : Strings[random.Next(Strings.Length)],
        FieldType.Bytes => RandomBytes(random, knownIds),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Interesting(random, int.MinValue, int.MaxValue),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => (long)Interesting(random, int.MinValue, int.MaxValue) * (random.Next(2) == 0 ? 1 : 1L << 31),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Interesting(random, 0, int.MaxValue),
        FieldType.UInt64 or FieldType.Fixed64 => random.Next(2) == 0 ? ulong.MaxValue : (ulong)random.NextInt64(),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, Interesting(random, -3, 1000)),
        FieldType.Message when depth < 3 => Create(field.MessageType, random, knownIds, depth + 1),
        FieldType.Message => field.MessageType.Parser.ParseFrom(ReadOnlySpan<byte>.Empty),
        _ => throw new NotSupportedException($"{field.FullName}: {field.FieldType}"),
    };

    private static int Interesting(Random random, int min, int max) => random.Next(5) switch
    {
        0 => min,
        1 => max,
        2 => random.Next(-2, 3),
        _ => random.Next(min, max),
    };

    private static ByteString RandomBytes(Random random, IReadOnlyList<ByteString> knownIds)
    {
        if (knownIds.Count > 0 && random.Next(3) == 0) return knownIds[random.Next(knownIds.Count)];
        var length = random.Next(6) switch { 0 => 0, 1 => 16, 2 => 15, 3 => 17, 4 => random.Next(1, 4), _ => random.Next(0, 300) };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (length >= 4 && random.Next(2) == 0) (bytes[0], bytes[1], bytes[2], bytes[3]) = (0, 1, 0, 5); // an MLS key-package header
        return ByteString.CopyFrom(bytes);
    }

    private static string RandomText(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(0, 80)).Select(_ => char.ConvertFromUtf32(random.Next(4) switch
        {
            0 => random.Next(0x20, 0x7F),
            1 => random.Next(0, 0x20),
            2 => random.Next(0x80, 0xD800),
            _ => random.Next(0x10000, 0x10FFFF),
        })));
}
