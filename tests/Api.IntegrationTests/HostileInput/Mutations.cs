namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>Byte-level damage to a well-formed encoding, of the kinds a broken or hostile client produces.</summary>
public static class Mutations
{
    private static readonly byte[][] Varints = [[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], [0x00], [0x7F]];

    public static byte[] Apply(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        for (var i = random.Next(1, 5); i > 0; i--) Mutate(bytes, random);
        return [.. bytes];
    }

    private static void Mutate(List<byte> bytes, Random random)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(8))
        {
            case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;            // flip a bit
            case 1 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;                    // replace a byte
            case 2: bytes.RemoveRange(at, bytes.Count - at); break;                                    // truncate
            case 3: bytes.InsertRange(at, RandomBytes(random, random.Next(1, 9))); break;              // insert garbage
            case 4 when bytes.Count > 0: bytes.InsertRange(at, bytes.GetRange(at, random.Next(1, bytes.Count - at + 1))); break; // repeat a slice
            case 5: bytes.InsertRange(at, Varints[random.Next(Varints.Length)]); break;                // a huge or overlong varint
            case 6: bytes.AddRange([(byte)((random.Next(1, 16) << 3) | random.Next(8)), .. RandomBytes(random, 3)]); break; // any field, any wire type
            default: bytes.InsertRange(0, [(byte)((random.Next(1, 16) << 3) | 2), 0xFF, 0xFF, 0x03]); break; // a length past the end
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
