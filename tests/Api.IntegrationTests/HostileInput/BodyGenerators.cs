using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Conclave.Api.IntegrationTests.HostileInput;

/// <summary>FsCheck generators of request bodies for any route: random bytes, well-formed random messages, and mutants of those.</summary>
public static class BodyGenerators
{
    private static readonly Gen<byte[]> RandomBytes =
        Gen.Choose(0, 2048).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length));

    public static Gen<byte[]> For(MessageDescriptor descriptor, IReadOnlyList<ByteString> knownIds)
    {
        var wellFormed = Gen.Choose(0, int.MaxValue).Select(seed => RandomMessages.Create(descriptor, new Random(seed), knownIds).ToByteArray());
        var mutated = wellFormed.SelectMany(bytes => Gen.Choose(0, int.MaxValue).Select(seed => Mutations.Apply(bytes, new Random(seed))));
        return Gen.Frequency((2, RandomBytes), (3, wellFormed), (5, mutated));
    }

    /// <summary><paramref name="count"/> bodies, the same for the same seed.</summary>
    public static byte[][] Sample(Gen<byte[]> generator, ulong seed, int count) => generator.Sample(count, new Rnd(seed), 50);
}
