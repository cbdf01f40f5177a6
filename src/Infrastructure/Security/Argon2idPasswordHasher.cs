using System.Text;
using Conclave.Application.Common.Security;

namespace Conclave.Infrastructure.Security;

// libsodium's Argon2id (through Geralt) with the reference's cost: m=19456 KiB, t=2, p=1, 16-byte random salt,
// PHC string. Chosen over the managed candidates for speed (docs/security.md): same hash, a quarter of the CPU.
internal sealed class Argon2idPasswordHasher : IPasswordHasher
{
    private const int Iterations = 2;
    private const int MemoryBytes = 19_456 * 1024;
    private readonly Lazy<string> _dummyHash;

    public Argon2idPasswordHasher() => _dummyHash = new Lazy<string>(() => Hash("conclave-timing-equalisation"));

    public string Hash(string password)
    {
        Span<char> encoded = stackalloc char[Geralt.Argon2id.HashSize];
        Geralt.Argon2id.ComputeHash(encoded, Encoding.UTF8.GetBytes(password), Iterations, MemoryBytes);
        var end = encoded.IndexOf('\0');
        return new string(end < 0 ? encoded : encoded[..end]);
    }

    public bool Verify(string encodedHash, string password) =>
        Geralt.Argon2id.VerifyHash(encodedHash, Encoding.UTF8.GetBytes(password));

    public void VerifyDummy() => Verify(_dummyHash.Value, "not-the-password");
}
